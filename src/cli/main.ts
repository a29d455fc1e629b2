#!/usr/bin/env node
import { buildProgram, reportError } from './program.js'

try {
  await buildProgram().parseAsync(process.argv)
} catch (e) {
  process.exitCode = reportError(e)
}
