// What one step of a project build returns: files to write (path relative to the project root →
// text) and problems; any problem fails the build before anything of that step is written.
export interface BuildStepResult {
  files: Record<string, string>;
  problems: string[];
}
