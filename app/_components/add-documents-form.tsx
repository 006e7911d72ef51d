'use client';

import Link from 'next/link';
import { useRef, useState } from 'react';
import type { DocumentIngestReport } from '@/lib/ingest/report';

type Phase = 'waiting' | 'uploading' | 'reading' | 'parsing' | 'embedding' | 'indexing' | 'done' | 'failed';

interface FileState {
  name: string;
  size: number;
  phase: Phase;
  documentId: string | null;
}

type StreamEvent =
  | { type: 'accepted'; files: { name: string; documentId: string }[] }
  | { type: 'file'; name: string; documentId: string; phase: Phase }
  | { type: 'progress'; phase: 'embedding'; done: number; total: number }
  | { type: 'done'; reports: DocumentIngestReport[]; index: { documents: number; chunks: number; quotes: number } }
  | { type: 'error'; error: string };

const PHASE_LABEL: Record<Phase, string> = {
  waiting: 'Waiting',
  uploading: 'Uploading',
  reading: 'Reading',
  parsing: 'Finding quotes and speakers',
  embedding: 'Embedding passages',
  indexing: 'Writing the index',
  done: 'Done',
  failed: 'Not added',
};
const ACCEPT = '.pdf,.docx,.html,.htm,.md,.markdown,.txt';
const TYPES = /\.(pdf|docx|html?|md|markdown|txt)$/i;

function sizeLabel(bytes: number): string {
  return bytes >= 1048576 ? `${(bytes / 1048576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** Drop zone and file picker, per-file progress of the ingest, then what was found in each document. */
export function AddDocumentsForm({ needsToken, accessProblem, maxMb }: { needsToken: boolean; accessProblem: string | null; maxMb: number }) {
  const input = useRef<HTMLInputElement>(null);
  const [picked, setPicked] = useState<File[]>([]);
  const [files, setFiles] = useState<FileState[]>([]);
  const [replace, setReplace] = useState(false);
  const [token, setToken] = useState('');
  const [dragging, setDragging] = useState(false);
  const [busy, setBusy] = useState(false);
  const [uploadPercent, setUploadPercent] = useState<number | null>(null);
  const [embedding, setEmbedding] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reports, setReports] = useState<DocumentIngestReport[]>([]);
  const [removed, setRemoved] = useState<Record<string, string>>({});

  const tooBig = picked.filter((f) => f.size > maxMb * 1048576);
  const wrongType = picked.filter((f) => !TYPES.test(f.name));

  function choose(list: FileList | null) {
    if (!list) return;
    setPicked(Array.from(list));
    setError(null);
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!picked.length || busy) return;
    const form = new FormData();
    for (const f of picked) form.append('files', f, f.name);
    if (replace) form.append('replace', '1');
    setBusy(true);
    setError(null);
    setReports([]);
    setEmbedding(null);
    setUploadPercent(0);
    setFiles(picked.map((f) => ({ name: f.name, size: f.size, phase: 'uploading', documentId: null })));
    const setPhase = (name: string | null, phase: Phase, documentId?: string) =>
      setFiles((fs) => fs.map((f) => (name === null || f.name === name ? { ...f, phase, documentId: documentId ?? f.documentId } : f)));

    // XMLHttpRequest, not fetch: it reports upload progress and hands over the streamed lines as they come
    const xhr = new XMLHttpRequest();
    let seen = 0;
    let finished = false;
    const handle = (ev: StreamEvent) => {
      if (ev.type === 'accepted') {
        setUploadPercent(null);
        for (const f of ev.files) setPhase(f.name, 'reading', f.documentId);
      } else if (ev.type === 'file') setPhase(ev.name, ev.phase, ev.documentId);
      else if (ev.type === 'progress') setEmbedding({ done: ev.done, total: ev.total });
      else if (ev.type === 'done') {
        finished = true;
        setReports(ev.reports);
      } else if (ev.type === 'error') {
        finished = true;
        setPhase(null, 'failed');
        setError(ev.error);
      }
    };
    const readLines = () => {
      if (xhr.status !== 200) return;
      const text = xhr.responseText;
      const end = text.lastIndexOf('\n') + 1;
      for (const line of text.slice(seen, end).split('\n')) if (line.trim()) handle(JSON.parse(line) as StreamEvent);
      seen = Math.max(seen, end);
    };
    xhr.open('POST', '/api/documents');
    if (needsToken && token.trim()) xhr.setRequestHeader('Authorization', `Bearer ${token.trim()}`);
    xhr.upload.onprogress = (p) => {
      if (p.lengthComputable) setUploadPercent(Math.round((p.loaded / p.total) * 100));
    };
    xhr.upload.onload = () => setPhase(null, 'reading');
    xhr.onprogress = readLines;
    xhr.onload = () => {
      setBusy(false);
      setUploadPercent(null);
      if (xhr.status === 200) {
        readLines();
        if (!finished) {
          setPhase(null, 'failed');
          setError('The connection ended before the server said how it went; reload the page to see whether the documents were added.');
        }
        if (input.current) input.current.value = '';
        setPicked([]);
        return;
      }
      let message = `The server refused the upload (HTTP ${xhr.status}).`;
      try {
        message = (JSON.parse(xhr.responseText) as { error?: string }).error ?? message;
      } catch {
        // not JSON: keep the status line
      }
      setPhase(null, 'failed');
      setError(message);
    };
    xhr.onerror = () => {
      setBusy(false);
      setUploadPercent(null);
      setPhase(null, 'failed');
      setError('The upload did not reach the server (connection lost).');
    };
    xhr.send(form);
  }

  async function remove(id: string) {
    const res = await fetch(`/api/documents/${encodeURIComponent(id)}`, {
      method: 'DELETE',
      headers: needsToken && token.trim() ? { Authorization: `Bearer ${token.trim()}` } : {},
    }).catch(() => null);
    const body = (await res?.json().catch(() => null)) as { error?: string } | null;
    setRemoved((r) => ({ ...r, [id]: res?.ok ? 'Removed from the corpus and the index.' : (body?.error ?? 'Could not remove it; try again.') }));
  }

  return (
    <div className="font-ui space-y-6">
      <form onSubmit={submit} className="space-y-4" aria-describedby={accessProblem ? 'upload-access' : undefined}>
        {accessProblem && (
          <p id="upload-access" className="max-w-prose rounded border border-amber-400 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950/40">
            {accessProblem}
          </p>
        )}
        <div
          role="group"
          aria-label="Documents to add"
          data-testid="upload-dropzone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            choose(e.dataTransfer.files);
          }}
          className={`rounded-lg border-2 border-dashed p-6 text-center focus-within:ring-2 focus-within:ring-amber-500 ${
            dragging ? 'border-amber-500 bg-amber-50 dark:bg-amber-950/30' : 'border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900'
          }`}
        >
          <label htmlFor="upload-input" className="block cursor-pointer text-sm text-stone-700 dark:text-stone-300">
            <span className="block text-base font-semibold text-stone-900 dark:text-stone-100">Drop documents here, or choose files</span>
            <span className="mt-1 block">PDF, DOCX, HTML, Markdown or text; up to {maxMb} MB in all.</span>
          </label>
          <input
            ref={input}
            id="upload-input"
            data-testid="upload-input"
            type="file"
            multiple
            accept={ACCEPT}
            onChange={(e) => choose(e.target.files)}
            className="mx-auto mt-3 block text-sm file:mr-3 file:rounded file:border file:border-stone-300 file:bg-stone-100 file:px-3 file:py-1.5 file:text-stone-900 dark:file:border-stone-600 dark:file:bg-stone-800 dark:file:text-stone-100"
          />
        </div>
        {(tooBig.length > 0 || wrongType.length > 0) && (
          <ul className="space-y-1 text-sm text-amber-900 dark:text-amber-200">
            {tooBig.map((f) => (
              <li key={`big-${f.name}`}>
                {f.name} is {sizeLabel(f.size)}; files over {maxMb} MB will be refused.
              </li>
            ))}
            {wrongType.map((f) => (
              <li key={`type-${f.name}`}>{f.name} is not a PDF, DOCX, HTML, Markdown or text file and will be refused.</li>
            ))}
          </ul>
        )}
        <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={replace} onChange={(e) => setReplace(e.target.checked)} data-testid="upload-replace" />
            Replace existing files of the same name
          </label>
          {needsToken && (
            <label className="flex items-center gap-2 text-sm">
              Admin token
              <input
                type="password"
                autoComplete="off"
                value={token}
                onChange={(e) => setToken(e.target.value)}
                className="rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
              />
            </label>
          )}
          <button type="submit" className="btn btn-primary px-4" disabled={!picked.length || busy} data-testid="upload-submit">
            {busy ? 'Adding…' : picked.length > 1 ? `Add ${picked.length} documents` : 'Add document'}
          </button>
        </div>
      </form>

      {files.length > 0 && (
        <section aria-label="Progress" className="space-y-2">
          <h2 className="text-lg font-semibold">Progress</h2>
          <ul role="status" aria-live="polite" className="space-y-2">
            {files.map((f) => (
              <li
                key={f.name}
                data-testid="upload-file"
                data-phase={f.phase}
                className="flex flex-wrap items-center justify-between gap-2 rounded border border-stone-200 bg-white px-3 py-2 text-sm dark:border-stone-800 dark:bg-stone-900"
              >
                <span className="font-medium">
                  {f.name} <span className="font-normal text-stone-600 dark:text-stone-400">({sizeLabel(f.size)})</span>
                </span>
                <span className="flex items-center gap-2">
                  {f.phase === 'uploading' && uploadPercent !== null && <progress max={100} value={uploadPercent} aria-label={`Uploading ${f.name}`} />}
                  {f.phase === 'embedding' && embedding && embedding.total > 0 && (
                    <progress max={embedding.total} value={embedding.done} aria-label={`Embedding ${f.name}`} />
                  )}
                  <span data-testid="upload-phase" className={f.phase === 'failed' ? 'text-red-800 dark:text-red-300' : ''}>
                    {PHASE_LABEL[f.phase]}
                    {f.phase === 'uploading' && uploadPercent !== null ? ` ${uploadPercent}%` : ''}
                    {f.phase === 'embedding' && embedding?.total ? ` ${embedding.done}/${embedding.total}` : ''}
                  </span>
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}

      {error && (
        <div role="alert" data-testid="upload-error" className="rounded-lg border border-red-400 bg-red-50 p-4 text-sm dark:border-red-800 dark:bg-red-950/40">
          <p className="font-semibold">Not added</p>
          <p className="mt-1">{error}</p>
        </div>
      )}

      {reports.map((r) => (
        <DocumentReport key={r.documentId} report={r} removedNote={removed[r.documentId]} onRemove={() => remove(r.documentId)} />
      ))}
    </div>
  );
}

function DocumentReport({ report: r, removedNote, onRemove }: { report: DocumentIngestReport; removedNote?: string; onRemove: () => void }) {
  const doc = `/documents/${encodeURIComponent(r.documentId)}`;
  const attributed = r.bySpeaker.reduce((n, s) => n + s.count, 0);
  return (
    <section
      data-testid="upload-report"
      aria-labelledby={`report-${r.documentId}`}
      className="space-y-3 rounded-lg border border-stone-200 bg-white p-4 dark:border-stone-800 dark:bg-stone-900"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id={`report-${r.documentId}`} className="text-lg font-semibold">
          {r.title}
        </h2>
        <span className="text-sm text-stone-600 dark:text-stone-400">
          {r.file} · {r.format}
        </span>
      </div>
      <p className="text-sm">
        {r.quotes} {r.quotes === 1 ? 'quote' : 'quotes'} found: {attributed} attributed, {r.unattributed.length} without a speaker.{' '}
        <Link href={doc} className="link" data-testid="upload-report-open">
          Open in the reader
        </Link>
      </p>
      {r.bySpeaker.length > 0 && (
        <table className="text-sm">
          <caption className="sr-only">Quotes per speaker</caption>
          <thead>
            <tr className="text-left text-stone-600 dark:text-stone-400">
              <th scope="col" className="pr-6 font-medium">
                Speaker
              </th>
              <th scope="col" className="font-medium">
                Quotes
              </th>
            </tr>
          </thead>
          <tbody>
            {r.bySpeaker.map((s) => (
              <tr key={s.speakerId} data-testid="upload-report-speaker">
                <td className="pr-6">
                  <Link href={`/speakers/${encodeURIComponent(s.speakerId)}`} className="link">
                    {s.name}
                  </Link>
                </td>
                <td>{s.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {r.unattributed.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Quotes without a speaker — check them in the reader</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {r.unattributed.map((q) => (
              <li key={q.anchor}>
                <Link href={`${doc}#${encodeURIComponent(q.anchor)}`} className="link" data-testid="upload-report-unattributed">
                  “{q.text.length > 140 ? `${q.text.slice(0, 137)}…` : q.text}”
                </Link>
                {q.leadIn && <span className="text-stone-600 dark:text-stone-400"> after “{q.leadIn}”</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.interviewNotesWithoutQuote.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Interview notes with no quote found</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm">
            {r.interviewNotesWithoutQuote.map((n) => (
              <li key={n.number}>
                Note {n.number}: {n.text}
              </li>
            ))}
          </ul>
        </div>
      )}
      {r.warnings.length > 0 && (
        <div>
          <h3 className="text-sm font-semibold">Warnings</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm" data-testid="upload-report-warnings">
            {r.warnings.map((w, i) => (
              <li key={`${i}-${w.message}`}>
                {w.line ? `Line ${w.line}: ` : ''}
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-3 text-sm">
        <button type="button" className="btn" onClick={onRemove} disabled={!!removedNote}>
          Remove this document again
        </button>
        {removedNote && <span role="status">{removedNote}</span>}
      </div>
    </section>
  );
}
