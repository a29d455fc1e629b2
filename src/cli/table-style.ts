import pc from 'picocolors'

/**
 * cli-table3 colours headers and borders unconditionally; follow picocolors instead, which
 * honours NO_COLOR, FORCE_COLOR and whether the output is a terminal.
 */
export const tableStyle = pc.isColorSupported
  ? { head: ['cyan'], border: ['grey'] }
  : { head: [], border: [] }
