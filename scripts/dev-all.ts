import { spawn, type ChildProcess } from 'node:child_process'
import { ROOT, targetsFromArgs } from '../devkit/taro-build'

/**
 * `npm run dev`: watch builds of all four targets side by side (or `npm run dev -- weapp` for one), each line of
 * output prefixed with its target. Ctrl+C stops them all. The H5 watch also serves the app on 127.0.0.1:10086.
 * Watch builds take no build lock: they run for hours and would block every other build.
 */
function main(): void {
  const targets = targetsFromArgs(process.argv.slice(2))
  const children: ChildProcess[] = []
  let stopping = false
  let failed = false

  for (const target of targets) {
    const child = spawn('npx', ['taro', 'build', '--type', target, '--watch'], {
      cwd: ROOT,
      // Development builds talk to the mock server on this machine: loopback declared (config/network.ts).
      env: { ...process.env, NODE_ENV: 'development', API_LOOPBACK: '1' },
      // Its own process group, so stopping reaches taro under npx.
      detached: true,
    })
    const prefix = `[${target}]`.padEnd(9)
    let rest = ''
    const relay = (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split(/\r?\n|\r/)
      rest = lines.pop() ?? ''
      for (const raw of lines) {
        // Progress bars redraw with cursor moves; as prefixed lines only their text is worth keeping.
        const line = raw.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') // eslint-disable-line no-control-regex
        if (line.trim()) process.stdout.write(`${prefix}${line}\n`)
      }
    }
    child.stdout?.on('data', relay)
    child.stderr?.on('data', relay)
    child.on('exit', (code) => {
      if (!stopping && code !== 0) {
        failed = true
        console.error(`${prefix}watch build stopped with code ${code}`)
      }
      children.splice(children.indexOf(child), 1)
      if (children.length === 0) process.exit(failed ? 1 : 0)
    })
    children.push(child)
  }

  const stop = () => {
    stopping = true
    for (const child of children) {
      try {
        if (child.pid) process.kill(-child.pid, 'SIGTERM')
      } catch {
        // Already gone.
      }
    }
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main()
