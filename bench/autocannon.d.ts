// The parts of autocannon's API that bench/ uses (the package ships no types).
declare module 'autocannon' {
  export type Request = {
    method?: string
    path?: string
    body?: string
    headers?: Record<string, string>
  }
  export type RequestSpec = Request & { setupRequest?: (req: Request) => Request }
  export type Options = {
    url: string
    duration?: number
    connections?: number
    method?: string
    headers?: Record<string, string>
    body?: string
    requests?: RequestSpec[]
  }
  export type Histogram = { average: number; p50: number; p97_5: number; p99: number }
  export type Result = { requests: Histogram; latency: Histogram; errors: number; non2xx: number }
  export default function autocannon(opts: Options): Promise<Result>
}
