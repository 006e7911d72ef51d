import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, type ExportQuote, quoteLink, quotesToCsv, quotesToMarkdown, speakerLine } from './formats';

const record: ExportQuote = {
  id: 'q-0123456789abcdef',
  kind: 'interview',
  text: 'Japan needs to be more strategic.',
  speaker: { id: 'saya-kiba', name: 'Saya Kiba', affiliation: 'Kobe City University of Foreign Studies' },
  interviewDate: '2024-12-03',
  document: { id: 'a-report', title: 'A Report', authors: ['Ann Author'], date: '2025-04' },
  section: '5. Taiwan',
  footnote: { number: 132, text: 'Interview with Saya Kiba. Transcribed on 3 December 2024.' },
  href: '/documents/a-report#p12',
  dateLabel: null,
  attribution: { method: 'note', evidence: 'Interview with Saya Kiba. Transcribed on 3 December 2024.' },
  page: null,
  citation: {
    chicago: 'Saya Kiba, interview, quoted in …\n\nAuthor, Ann. A Report.',
    apa: '(Kiba, as cited in Author, 2025)\n\nAuthor, A. (2025). A Report.',
    mla: '(qtd. in Author)\n\nAuthor, Ann. A Report.',
  },
};

const row = (csv: string) => {
  const [head, line] = csv.split('\r\n');
  const cells = line.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"'));
  return Object.fromEntries(head.split(',').map((h, i) => [h, cells[i]]));
};

describe('CSV and Markdown', () => {
  it('link to the quote with an absolute deep link that highlights it', () => {
    expect(quoteLink(record, 'https://quotes.example.org')).toBe('https://quotes.example.org/documents/a-report?quote=q-0123456789abcdef#q-0123456789abcdef');
    expect(row(quotesToCsv([record], 'http://localhost:3000')).link).toBe(
      'http://localhost:3000/documents/a-report?quote=q-0123456789abcdef#q-0123456789abcdef',
    );
    expect(quotesToMarkdown([record], 'apa', 'http://localhost:3000')).toContain(
      '(Kiba, as cited in Author, 2025)\n\nAuthor, A. (2025). A Report.\n\n[Open the quote in its document](http://localhost:3000/documents/a-report?quote=q-0123456789abcdef#q-0123456789abcdef)',
    );
  });

  it('give a date only with what the note says it is', () => {
    const unlabelled = row(quotesToCsv([record], 'http://localhost:3000'));
    expect(CSV_COLUMNS).toContain('date_label');
    expect(unlabelled.date).toBe('');
    expect(speakerLine(record)).toBe('**Saya Kiba**, Kobe City University of Foreign Studies (interview)');
    const labelled: ExportQuote = { ...record, dateLabel: 'transcribed', page: 41, speaker: { ...record.speaker!, role: 'Associate Professor' } };
    expect(row(quotesToCsv([labelled], 'http://localhost:3000'))).toMatchObject({
      date: '2024-12-03',
      date_label: 'transcribed',
      page: '41',
      speaker_role: 'Associate Professor',
    });
    expect(speakerLine(labelled)).toBe(
      '**Saya Kiba**, Associate Professor, Kobe City University of Foreign Studies (interview, transcribed 3 December 2024, p. 41)',
    );
  });
});
