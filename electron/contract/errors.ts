/** An error the user should read: it names the file and the cause. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly code:
      'invalid-args' | 'not-found' | 'forbidden' | 'io' | 'unknown-method' | 'conflict' = 'io',
  ) {
    super(message);
    this.name = 'ApiError';
  }
}
