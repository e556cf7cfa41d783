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
  },
  ar: {
    imageCaption: 'التعليق على الصورة، ',
    imageSource: 'مصدر الصورة، ',
    published: 'نُشر',
    updated: 'حُدّث',
    via: 'عبر',
    readOriginal: 'اقرأ المقال الأصلي',
    source: 'المصدر',
  },
};

export function labelsFor(lang: string): Labels {
  return LABELS[lang.toLowerCase().split('-')[0] ?? 'en'] ?? LABELS.en!;
}
