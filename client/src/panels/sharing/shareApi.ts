// The sharing calls of the explorer (server/API.md): the server's partners and signing key, a
// package for a partner saved as a download, and a partner's package matched against the store.
import { ErrorBody, ShareReport, ShareWhoami, type ShareExportRequest } from '../../../../src/api/index.ts';
import { ApiError, request } from '../../api/http.ts';

export const whoami = () => request('/api/share/whoami', ShareWhoami);

export const importPackage = (partner: string, text: string) =>
  request('/api/share/import', ShareReport, { method: 'POST', body: { partner, package: text } });

/** The file name the server gave in Content-Disposition, else a plain one. */
function fileNameOf(response: Response): string {
  const match = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '');
  return match?.[1] ?? 'ringscope-share.json';
}

/** Asks for the package and saves it: the bytes are the signed file, kept exactly as sent. */
export async function downloadPackage(body: ShareExportRequest): Promise<string> {
  const response = await fetch('/api/share/export', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(await response.json().catch(() => null));
    throw new ApiError(
      response.status,
      parsed.success
        ? parsed.data.error
        : { code: `http_${response.status}`, message: `${response.status} from /api/share/export` },
    );
  }
  const blob = await response.blob();
  const name = fileNameOf(response);
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  URL.revokeObjectURL(url);
  return name;
}
