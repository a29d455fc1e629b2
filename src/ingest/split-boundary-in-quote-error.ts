/**
 * A CSV range ended inside a quoted cell, so splitting the file at that byte would have cut a
 * row in two. Never reaches the user: ingest catches it, discards the file's transaction and
 * reads the file again in one piece.
 */
export class SplitBoundaryInQuoteError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
  ) {
    super(`${file}: the row starting on line ${line} runs past a split boundary inside a quoted cell`)
    this.name = 'SplitBoundaryInQuoteError'
  }
}
