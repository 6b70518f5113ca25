// Errors whose message is safe to show to a client, with their HTTP status.

export class HttpError extends Error {
  constructor(
    public readonly statusCode: number,
    message: string,
  ) {
    super(message);
  }
}
