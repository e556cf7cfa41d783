/**
 * Words the page says around an article's own text, per language. Hidden labels follow
 * BBC Simorgh: screen readers announce what a caption or credit is before reading it.
 */
export interface Labels {
  imageCaption: string;
  imageSource: string;
  published: string;
  updated: string;
  via: string;
  readOriginal: string;
  source: string;
  topics: string;
  related: string;
  /** Before a byline's names: "By". */
  by: string;
  /** The mailto link under a story. */
  reportError: string;
  /** Names a table's sideways-scrolling box for screen readers; numbered when a story has several. */
  table(position?: number): string;
  /** "4 min read" */
  readingTime(minutes: number): string;
}

const LABELS: Record<string, Labels> = {
  en: {
    imageCaption: 'Image caption, ',
    imageSource: 'Image source, ',
    published: 'Published',
    updated: 'Updated',
    via: 'via',
    readOriginal: 'Read the original',
    source: 'Source',
    topics: 'Topics',
    related: 'Related stories',
    by: 'By',
    reportError: 'Report an error',
    table: (position) => (position ? `Table ${position}` : 'Table'),
    readingTime: (minutes) => `${minutes} min read`,
  },
  ar: {
    imageCaption: 'التعليق على الصورة، ',
    imageSource: 'مصدر الصورة، ',
    published: 'نُشر',
    updated: 'حُدّث',
    via: 'عبر',
    readOriginal: 'اقرأ المقال الأصلي',
    source: 'المصدر',
    topics: 'مواضيع',
    related: 'أخبار ذات صلة',
    by: 'بقلم',
    reportError: 'أبلغ عن خطأ',
    table: (position) => (position ? `جدول ${position}` : 'جدول'),
    readingTime: (minutes) => {
      const rule = new Intl.PluralRules('ar').select(minutes);
      if (rule === 'one') return 'دقيقة واحدة للقراءة';
      if (rule === 'two') return 'دقيقتان للقراءة';
      return `${minutes} ${rule === 'few' ? 'دقائق' : 'دقيقة'} للقراءة`;
    },
  },
};

export function labelsFor(lang: string): Labels {
  return LABELS[lang.toLowerCase().split('-')[0] ?? 'en'] ?? LABELS.en!;
}
