// Minimal typings for the parts of citation-js that lib/cite uses (the packages ship no types).

declare module '@citation-js/core' {
  /** A CSL-JSON item (https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html). */
  export interface CslName {
    family?: string;
    given?: string;
    suffix?: string;
    literal?: string;
    'non-dropping-particle'?: string;
    'dropping-particle'?: string;
    'static-ordering'?: boolean;
  }

  export interface CslDate {
    'date-parts'?: Array<Array<number | string>>;
    raw?: string;
    literal?: string;
  }

  export interface CslItem {
    id: string;
    type: string;
    title?: string;
    author?: CslName[];
    issued?: CslDate;
    publisher?: string;
    'publisher-place'?: string;
    'container-title'?: string;
    URL?: string;
    'citation-key'?: string;
    [field: string]: unknown;
  }

  export interface CiteCitationEntry {
    id: string;
    locator?: string;
    label?: string;
    prefix?: string;
    suffix?: string;
  }

  export interface CiteFormatOptions {
    format?: 'text' | 'html' | 'rtf' | 'string' | 'object';
    template?: string;
    lang?: string;
    entry?: string | string[] | CiteCitationEntry[];
    type?: string;
    [option: string]: unknown;
  }

  export class Cite {
    constructor(data?: unknown, options?: Record<string, unknown>);
    data: CslItem[];
    format(format: string, options?: CiteFormatOptions): string;
  }

  export interface CslTemplateRegister {
    add(name: string, xml: string): void;
    has(name: string): boolean;
    get(name: string): string;
  }

  export interface CslPluginConfig {
    templates: CslTemplateRegister;
  }

  export const plugins: {
    config: {
      get(name: '@csl'): CslPluginConfig;
      get(name: string): unknown;
    };
  };
}

declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
