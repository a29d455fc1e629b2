import { parentPort, workerData } from 'node:worker_threads'
import { writeVerificationPdf } from './write-verification-pdf.js'
import type { VerificationPdfJobs } from './write-verification-pdfs.js'

/** Worker side of writeVerificationPdfs: writes every sheet's PDF, answers the characters the font lacked. */
const { jobs, lang, maskIds } = workerData as VerificationPdfJobs
const missing = new Set<string>()
for (const job of jobs)
  for (const c of await writeVerificationPdf(job.file, job.sheet, lang, maskIds)) missing.add(c)
parentPort?.postMessage([...missing])
