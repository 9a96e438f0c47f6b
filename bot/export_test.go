package bot

// SnowflakeAt lets the end-to-end tests give an interaction the ID Discord
// would have given it at a chosen time.
var SnowflakeAt = snowflake
