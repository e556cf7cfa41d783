import type { ArticleKind } from './article-kinds.ts';

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
  /** The label above the headline of every kind but news. */
  kind: Record<Exclude<ArticleKind, 'news'>, string>;
  /** "Paid content · from Example Bank" */
  paidContent(sponsor: string): string;
  /** "Correction" and "Update", before a change's date. */
  correction: string;
  update: string;
  /** The heading of the story's list of changes. */
  changes: string;
  /** The link from the notice near the top to that list. */
  allChanges: string;
  /** The link from a story's corrections to /corrections/. */
  allCorrections: string;
  /** "This article is more than 2 years old" */
  olderThan(years: number): string;
  /** The comma between a label and a date: ", " or the Arabic "، ". */
  comma: string;
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
    kind: { analysis: 'Analysis', opinion: 'Opinion', explainer: 'Explainer', interview: 'Interview', review: 'Review', obituary: 'Obituary', sponsored: 'Paid content' },
    paidContent: (sponsor) => `Paid content · from ${sponsor}`,
    correction: 'Correction',
    update: 'Update',
    changes: 'Corrections and updates',
    allChanges: 'Every change to this story',
    allCorrections: 'Every correction on this site',
    olderThan: (years) => `This article is more than ${years} ${years === 1 ? 'year' : 'years'} old`,
    comma: ', ',
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
    kind: { analysis: 'تحليل', opinion: 'رأي', explainer: 'شرح', interview: 'مقابلة', review: 'مراجعة', obituary: 'نعي', sponsored: 'محتوى مدفوع' },
    paidContent: (sponsor) => `محتوى مدفوع · من ${sponsor}`,
    correction: 'تصحيح',
    update: 'تحديث',
    changes: 'التصحيحات والتحديثات',
    allChanges: 'كل التغييرات على هذا المقال',
    allCorrections: 'كل التصحيحات على هذا الموقع',
    olderThan: (years) => {
      const rule = new Intl.PluralRules('ar').select(years);
      if (rule === 'one') return 'مضى على هذا المقال أكثر من سنة';
      if (rule === 'two') return 'مضى على هذا المقال أكثر من سنتين';
      return `مضى على هذا المقال أكثر من ${years} ${rule === 'few' ? 'سنوات' : 'سنة'}`;
    },
    comma: '، ',
  },
};

export function labelsFor(lang: string): Labels {
  return LABELS[lang.toLowerCase().split('-')[0] ?? 'en'] ?? LABELS.en!;
}
