import pc from 'picocolors'

/**
 * One line on stderr per finished stage of a multi-stage command (`✓ link       1.2 s  …`), so a
 * long run shows where it is; silent when the command prints JSON.
 */
export function stageLogger(enabled: boolean): (stage: string, seconds: number, detail: string) => void {
  return (stage, seconds, detail) => {
    if (!enabled) return
    process.stderr.write(
      `${pc.green('✓')} ${stage.padEnd(9)} ${seconds.toFixed(1).padStart(6)} s  ${pc.dim(detail)}\n`,
    )
  }
}
