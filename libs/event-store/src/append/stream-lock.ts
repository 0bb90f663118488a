/** The advisory-lock key of a stream's head, the same in the append function and in lockStreams. */
export const STREAM_LOCK_KEY_SQL = (streamIdExpression: string): string => `hashtextextended(${streamIdExpression}, 0)`;
