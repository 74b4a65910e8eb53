// Discord's numbers as the emulator hands them out: snowflake ids (the timestamp in the high bits,
// as discord.js decodes it), the shard a guild's events go to, and members' permission bits.

/** Discord's epoch (2015-01-01 UTC), the zero of a snowflake's timestamp. */
export const DISCORD_EPOCH = 1_420_070_400_000n;

let increment = 0n;

/** A real snowflake: the timestamp in the high bits, as discord.js decodes it. */
export function snowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** The shard that receives a guild's events: `(guild_id >> 22) % shard_count`. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** Every permission bit, as a decimal string. */
export const PERMISSIONS_ALL = "2251799813685247";
/** View channel, send messages, embed links, read history, use application commands. */
export const MEMBER_PERMISSIONS = String(0x400n | 0x800n | 0x4000n | 0x10000n | 0x80000000n);
/** {@link MEMBER_PERMISSIONS} plus Manage Server. */
export const ADMIN_PERMISSIONS = String(BigInt(MEMBER_PERMISSIONS) | 0x20n);
