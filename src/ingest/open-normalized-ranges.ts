import type { RowNormalizer } from './normalize-row.js'
import {
  type NormalizedBatch,
  type NormalizedStream,
  type NormalizedStreamRequest,
  openNormalizedStream,
} from './normalized-stream.js'
import type { ByteRange } from './table-source.js'

/**
 * Reads a split CSV range after range in this thread: what the two reading workers do, in
 * one thread, for runs without compiled workers (tests of the TypeScript sources). Batches
 * come out in file order, each range's rows with their own physical lines.
 *
 * @throws SplitBoundaryInQuoteError (while iterating) when a range boundary fell inside a quoted cell
 */
export async function openNormalizedRanges(
  req: NormalizedStreamRequest,
  ranges: readonly ByteRange[],
): Promise<NormalizedStream> {
  const normalizers = new Map<string, RowNormalizer>()
  const [firstRange, ...rest] = ranges
  let current = await openNormalizedStream(firstRange ? { ...req, range: firstRange } : req, normalizers)
  const first = current
  async function* batches(): AsyncGenerator<NormalizedBatch> {
    yield* current.batches
    for (const range of rest) {
      current = await openNormalizedStream({ ...req, range }, normalizers)
      yield* current.batches
    }
  }
  return {
    header: first.header,
    indexOf: first.indexOf,
    bytes: first.bytes,
    batches: batches(),
    close: () => current.close(),
  }
}
