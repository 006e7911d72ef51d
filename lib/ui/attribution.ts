// How a quote's attribution is shown in words: the same sentence on cards, in the reader and in the CLI.
import type { Attribution, DateLabel } from '../types';

const DATE_WORD: Record<DateLabel, string> = {
  transcribed: 'transcribed',
  interviewed: 'interviewed',
  spoken: 'said on',
  published: 'published',
  dated: 'dated',
};

/** The word before a quote's date, as its note puts it: "transcribed 3 December 2024". */
export function dateWord(label: DateLabel | null): string {
  return label ? DATE_WORD[label] : 'interviewed';
}

/** The marks around evidence that is itself the author's words, kept apart from the quote's own marks. */
function cited(words: string): string {
  return `‘${words.trim()}’`;
}

/**
 * "Attributed by note 132: Interview with …", "by the lead-in: ‘As Kiba explains:’", "by the dialogue label ‘Jimbo:’",
 * "by the sentence: ‘…’", "corrected by you (corrections.yaml)"; "Unattributed" when no speaker is known.
 */
export function attributionPhrase(attribution: Attribution | null, footnoteNumber: number | null = null): string {
  if (!attribution) return 'Unattributed: the document does not say who said this';
  const e = attribution.evidence.trim();
  switch (attribution.method) {
    case 'note':
      return `Attributed by ${footnoteNumber !== null ? `note ${footnoteNumber}` : 'its note'}${e ? `: ${e}` : ''}`;
    case 'lead-in':
      return `Attributed by the lead-in${e ? `: ${cited(e)}` : ''}`;
    case 'dialogue':
      return `Attributed by the dialogue label${e ? ` ${cited(e)}` : ''}`;
    case 'inline':
      return `Attributed by the sentence${e ? `: ${cited(e)}` : ''}`;
    case 'override':
      return 'Attributed: corrected by you (corrections.yaml)';
  }
}
