/** Hands a file the API sent to the browser's download, under the server's name; returns the name. */
export function saveDownload(file: { blob: Blob; fileName?: string }, fallbackName: string): string {
  const url = URL.createObjectURL(file.blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return link.download;
}
