export { startServer, MAX_BODY_BYTES, type RunningServer, type ServerOptions } from './server'
export { CONTENT_SECURITY_POLICY } from './security-policy'
