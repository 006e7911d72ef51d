import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { MAX_UPLOAD_FILES, MAX_UPLOAD_MB } from '@/lib/ingest/upload-checks';
import { peerAddress } from '@/lib/server/peer-address';
import { uploadAccessOf } from '@/lib/server/upload-access';
import { AddDocumentsForm } from '../_components/add-documents-form';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Add documents' };

export default async function AddPage() {
  const h = await headers();
  // the page asks for the admin token only where the upload itself would need it
  const access = uploadAccessOf(h, peerAddress(h));
  return (
    <div className="space-y-6">
      <div className="font-ui">
        <h1 className="text-2xl font-semibold">Add documents</h1>
        <p className="mt-1 max-w-prose text-sm text-stone-700 dark:text-stone-300">
          Drop reports here (PDF, Word .docx, web page .html, Markdown .md or text .txt, up to {MAX_UPLOAD_MB} MB and {MAX_UPLOAD_FILES} files at a time). Each
          is read, its quotes attributed and indexed with the rest of the corpus; the search serves the new index once it is complete. You then see what was
          found in each document, with links to check it in the reader.
        </p>
      </div>
      <AddDocumentsForm needsToken={!access.ok} accessProblem={access.ok ? null : access.error} maxMb={MAX_UPLOAD_MB} />
    </div>
  );
}
