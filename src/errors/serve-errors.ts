import { BiduiError } from './bidui-error.js'

/** `bidui serve --host` on an interface other than loopback without saying so explicitly. */
export class ServeHostRefusedError extends BiduiError {
  readonly code = 'SERVE_HOST_REFUSED'
  constructor(host: string) {
    super(
      `Refusing to serve personal data on ${host}: only the loopback interface (127.0.0.1, ::1, localhost) is served by default.`,
      `Give --host ${host} on the command line to serve other machines on purpose (the access token still guards every request), or leave --host out.`,
    )
  }
}
