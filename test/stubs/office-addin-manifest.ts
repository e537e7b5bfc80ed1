/**
 * Jest stand-in for the `office-addin-manifest` package (jest.config.cjs maps the module here).
 *
 * office-addin-mock only needs the `OfficeApp` enum from it, but the real package pulls in
 * ESM-only dependencies that jest cannot require. Names and values below match
 * office-addin-manifest 3.0.0 (lib/officeApp.d.ts): keep them identical if that package changes.
 */
export enum OfficeApp {
  Excel = "excel",
  OneNote = "onenote",
  Outlook = "outlook",
  PowerPoint = "powerpoint",
  Project = "project",
  Word = "word",
}
