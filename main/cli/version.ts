import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * The app version from package.json, read at run time: both the source (main/cli/) and the build (out/main/)
 * sit two levels below it, and importing the JSON would pull package.json into the TS project.
 */
export const version: string = (() => {
  try {
    return (JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
})()
