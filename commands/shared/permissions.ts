import { PermissionFlagsBits } from "discord.js";

/** Whether a member's permissions include `flag` (Administrator includes every one). */
export function hasPermission(permissions: bigint | null, flag: bigint): boolean {
  if (permissions === null) return false;
  const admin = PermissionFlagsBits.Administrator;
  return (permissions & flag) === flag || (permissions & admin) === admin;
}
