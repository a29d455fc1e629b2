import { Worker } from 'node:worker_threads'
import type { ReportLang } from './report-lang.js'
import type { VerificationSheet } from './verification-sheet.js'
import { writeVerificationPdf } from './write-verification-pdf.js'

/** The PDFs to write: plain data, so it can be handed to a worker thread. */
export interface VerificationPdfJobs {
  readonly jobs: readonly { readonly file: string; readonly sheet: VerificationSheet }[]
  readonly lang: ReportLang
  readonly maskIds: boolean
}

const workerUrl = new URL('./verification-pdf-worker.js', import.meta.url)
/** The worker exists only in the built code (dist/); from TypeScript sources (tests) the PDFs are written here. */
const workerAvailable = import.meta.url.endsWith('.js')

/**
 * Writes the verification PDFs, in a worker thread when built: laying out CJK text is most of a
 * report's CPU time (about 1 ms a case), and on the worker it overlaps the workbook and HTML the
 * calling thread writes meanwhile. Resolves to the characters the font could not show.
 */
export function writeVerificationPdfs(work: VerificationPdfJobs): {
  readonly done: Promise<string[]>
  /** Stops the worker (when the caller fails before awaiting `done`). */
  readonly cancel: () => void
} {
  if (!workerAvailable || work.jobs.length === 0) {
    const done = (async () => {
      const missing = new Set<string>()
      for (const job of work.jobs)
        for (const c of await writeVerificationPdf(job.file, job.sheet, work.lang, work.maskIds))
          missing.add(c)
      return [...missing]
    })()
    return { done, cancel: () => {} }
  }
  const worker = new Worker(workerUrl, { workerData: work })
  const done = new Promise<string[]>((resolve, reject) => {
    let answer: string[] | undefined
    worker.once('message', (m: string[]) => {
      answer = m
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (answer !== undefined) resolve(answer)
      else reject(new Error(`bug: the PDF worker exited with code ${code} before answering`))
    })
  })
  return { done, cancel: () => void worker.terminate() }
}
