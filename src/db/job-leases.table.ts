/** One row per job name: the instance holding it until expires_at runs it. */
export interface JobLeasesTable {
  name: string
  holder: string
  expires_at: string
}
