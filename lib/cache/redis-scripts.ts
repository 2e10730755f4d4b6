// Lua scripts the Redis-backed stores run, so each operation is one atomic round trip over both
// RESP and Upstash REST. Every key a script touches is passed in KEYS (Redis Cluster / Upstash).

/** KEYS[1] counter; ARGV[1] window seconds → { count, ttl ms }. The expiry is set in the same
 * step as the first increment, so a counter can never be left without one. */
export const HIT_SCRIPT = `
local c = redis.call('INCR', KEYS[1])
local t = redis.call('PTTL', KEYS[1])
if t < 0 then
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  t = tonumber(ARGV[1]) * 1000
end
return {c, t}`;

/** KEYS[1] key; ARGV version, value ('' = tombstone), ttl seconds → 1 written, 0 kept newer. */
export const PUT_VERSIONED_SCRIPT = `
local cur = redis.call('GET', KEYS[1])
local nv = tonumber(ARGV[1])
if cur then
  local v = tonumber(string.match(cur, '^(%d+)|'))
  if v and (v > nv or (v == nv and ARGV[2] == '')) then return 0 end
end
redis.call('SET', KEYS[1], ARGV[1] .. '|' .. ARGV[2], 'EX', tonumber(ARGV[3]))
return 1`;

/** KEYS[1] sequence, KEYS[2] sorted set of entries; ARGV[1] max length, ARGV[2..] members.
 * Entry ids are assigned and stored in one step: a reader never sees an id without its entry. */
export const PUBLISH_SCRIPT = `
local n = #ARGV - 1
local last = redis.call('INCRBY', KEYS[1], n)
for i = 1, n do
  local id = last - n + i
  redis.call('ZADD', KEYS[2], id, id .. ':' .. ARGV[i + 1])
end
redis.call('ZREMRANGEBYRANK', KEYS[2], 0, -1 - tonumber(ARGV[1]))
return last`;

/** KEYS[1] sequence, KEYS[2] entries; ARGV[1] cursor, ARGV[2] max read →
 * { last sequence, oldest kept id or -1, entries "<id>:<member>"… }. */
export const READ_SCRIPT = `
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
local oldest = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
local items = redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. ARGV[1], '+inf', 'LIMIT', 0, tonumber(ARGV[2]))
local out = {last, oldest[2] and tonumber(oldest[2]) or -1}
for i = 1, #items do out[#out + 1] = items[i] end
return out`;
