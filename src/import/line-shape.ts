/**
 * How a pasted line is shaped, in English or Arabic: the evidence the paste reader uses to
 * tell the page's furniture from the story without knowing the site. Body text is long,
 * punctuated and full of its language's function words; furniture is short, unpunctuated,
 * made of interface words, times and counts. Each test here is one piece of evidence; the
 * readers combine them, and keep a line when the evidence is thin.
 */
import { ara, eng } from 'stopword';

/** Function words of both languages (the stopword package's lists), folded for lookup. */
const FUNCTION_WORDS = new Set([...eng, ...ara].map((w) => fold(w)));

/**
 * Words that name a page's controls and rails rather than anything in the world: share,
 * listen, subscribe, comments, related, tags… Words, not phrases: a line counts as interface
 * text when most of its content words are among them, however the site phrases it.
 */
const INTERFACE_WORDS = new Set(
  [
    // English
    'share', 'shares', 'shared', 'save', 'saved', 'print', 'printed', 'email', 'e-mail', 'comment', 'comments', 'listen', 'audio',
    'translate', 'translation', 'translated', 'advertisement', 'advertising', 'advert', 'ad', 'ads', 'sponsored', 'sponsor', 'promoted',
    'partnership', 'paid', 'subscribe', 'subscriber', 'subscribers', 'subscription', 'newsletter', 'newsletters', 'inbox', 'sign', 'signup',
    'login', 'register', 'follow', 'like', 'tweet', 'whatsapp', 'facebook', 'twitter', 'x', 'telegram', 'linkedin', 'reddit', 'copy',
    'copied', 'link', 'links', 'related', 'recommended', 'read', 'reading', 'latest', 'trending', 'popular', 'most', 'watch', 'video',
    'videos', 'gallery', 'photos', 'enlarge', 'expand', 'zoom', 'fullscreen', 'close', 'skip', 'navigation', 'menu', 'search', 'reprints',
    'reprint', 'permissions', 'purchase', 'licensing', 'license', 'licence', 'feedback', 'report', 'tags', 'tag', 'topics', 'topic', 'updated',
    'published', 'posted', 'edition', 'min', 'mins', 'minute', 'minutes', 'ago', 'stories', 'story', 'article', 'articles', 'news', 'home',
    'privacy', 'policy', 'terms', 'cookies', 'alerts', 'app', 'download', 'view', 'show', 'click', 'tap', 'bookmark', 'gift', 'content',
    'continue', 'continues', 'below', 'image', 'images', 'explore', 'keep', 'more', 'send', 'friend', 'page', 'main',
    // Arabic
    'شارك', 'مشاركة', 'شاركوا', 'حفظ', 'طباعة', 'اطبع', 'إعلان', 'اعلان', 'إعلانات', 'برعاية', 'ممول', 'مدفوع', 'استمع', 'الاستماع',
    'ترجم', 'ترجمة', 'تعليق', 'تعليقات', 'التعليقات', 'اشترك', 'اشتراك', 'النشرة', 'البريدية', 'بريدك', 'الإلكتروني', 'تابعونا', 'تابعنا', 'تابع',
    'اقرأ', 'إقرأ', 'المزيد', 'الأكثر', 'قراءة', 'الأخيرة', 'آخر', 'الأخبار', 'أخبار', 'صلة', 'شاهد', 'فيديو', 'الفيديو', 'صور', 'الصور',
    'تكبير', 'اضغط', 'انقر', 'تخطي', 'المحتوى', 'الرئيسية', 'وسوم', 'الوسوم', 'كلمات', 'مفتاحية', 'مواضيع', 'تحديث', 'نشر', 'دقيقة', 'دقائق',
    'واتساب', 'فيسبوك', 'تويتر', 'تلغرام', 'رابط', 'الرابط', 'نسخ', 'الخصوصية', 'سياسة', 'الشروط', 'الطبعة', 'الورقية', 'النسخة', 'المطبوعة',
    'المقال', 'مقالات', 'الخبر', 'التسجيل', 'سجل', 'الآن',
  ].map((w) => fold(w)),
);

/** Case, Arabic diacritics and tatweel, and the hamza forms of alef do not matter for lookup. */
function fold(word: string): string {
  return word
    .toLowerCase()
    .normalize('NFC')
    .replace(/[\u064b-\u065f\u0670\u0640]/gu, '')
    .replace(/[أإآ]/gu, 'ا')
    .replace(/ى/gu, 'ي');
}

/** The words of a line, without the punctuation around them. */
export function wordsOf(text: string): string[] {
  return text
    .split(/[\s|·•/]+/u)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter(Boolean);
}

/** Arabic joins و, ف, ب, ل and ال to the next word; a joined function word is still one. */
function isFunctionWord(word: string): boolean {
  const w = fold(word);
  if (FUNCTION_WORDS.has(w)) return true;
  return /^[وفبل]\p{Script=Arabic}{2,}$/u.test(w) && FUNCTION_WORDS.has(w.slice(1));
}

function isInterfaceWord(word: string): boolean {
  const w = fold(word);
  return INTERFACE_WORDS.has(w) || (/^[وفبل]\p{Script=Arabic}{3,}$/u.test(w) && INTERFACE_WORDS.has(w.slice(1)));
}

export interface LineShape {
  words: number;
  /** Share of the words that are function words of the line's language. */
  functionShare: number;
  /** Share of the content words (not function words, not numbers) that name interface controls. */
  interfaceShare: number;
  contentWords: number;
  /** Ends as a sentence does (full stop, question or exclamation mark, closing quote). */
  endsSentence: boolean;
}

export function shapeOf(text: string): LineShape {
  const words = wordsOf(text);
  const functional = words.filter(isFunctionWord).length;
  const content = words.filter((w) => !isFunctionWord(w) && !/^\p{N}+$/u.test(w));
  const ui = content.filter(isInterfaceWord).length;
  return {
    words: words.length,
    functionShare: words.length ? functional / words.length : 0,
    interfaceShare: content.length ? ui / content.length : 0,
    contentWords: content.length,
    endsSentence: /[.!?…؟۔]["'”’»)\]]*$/u.test(text),
  };
}

/**
 * Story text: a sentence of some length with its language's function words, or a long line.
 * The readers never remove such a line on shape alone.
 */
export function isStoryShaped(text: string): boolean {
  const shape = shapeOf(text);
  return (shape.words >= 7 && shape.endsSentence && shape.functionShare >= 0.12) || shape.words >= 24;
}

/** Short, without sentence punctuation: a label, a button, a headline or a name. */
export function isLabelShaped(text: string, maxWords = 8): boolean {
  const shape = shapeOf(text);
  return shape.words > 0 && shape.words <= maxWords && !shape.endsSentence && !isStoryShaped(text);
}

/** A control or rail label: short, and most of its content words are interface words. */
export function isInterfaceLine(text: string): boolean {
  const shape = shapeOf(text);
  if (!isLabelShaped(text, 9)) return false;
  // "Print edition | June 2, 2025 | Page 8": a row of short cells is a toolbar or a note.
  const cells = text.split(/\s+[|·•]\s+/u);
  if (cells.length >= 3 && cells.every((c) => wordsOf(c).length <= 4)) return true;
  return shape.contentWords > 0 && shape.interfaceShare >= 0.5;
}

const CLOCK = String.raw`\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?`;

/**
 * A time stamp or a relative time standing alone: "Updated 10:42 AM", "14:05 GST",
 * "3 hours ago", "منذ 3 ساعات", "آخر تحديث: 10:45". Never a subheading.
 */
export function isTimestamp(text: string): boolean {
  if (isStoryShaped(text) || wordsOf(text).length > 10) return false;
  if (new RegExp(CLOCK, 'iu').test(text) && shapeOf(text).contentWords <= 5) return true;
  if (/\b\d+\s*(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?)\s+ago\b/iu.test(text)) return true;
  return /(?:^|\s)منذ\s+(?:\d+\s+)?(?:ثانية|ثوان|دقيقة|دقائق|ساعة|ساعتين|ساعات|يوم|يومين|أيام)(?:\s|$)/u.test(text);
}

/** A count with its noun and nothing else: "128 comments", "3 min read", "التعليقات: 12". */
export function isCounter(text: string): boolean {
  if (wordsOf(text).length > 4) return false;
  return /^\d[\d,.]*\s*[\p{L}-]+(?:\s[\p{L}-]+)?$/u.test(text) || /^[\p{L} ]{2,30}[:：]\s*\d[\d,.]*$/u.test(text);
}

/** A headline's shape: a handful of words, at most a question or exclamation at the end. */
export function isHeadlineShaped(text: string, minWords = 4): boolean {
  const shape = shapeOf(text);
  return shape.words >= minWords && shape.words <= 22 && !/[.:;,،]$/u.test(text) && !/^\p{Ll}/u.test(text);
}

/** A person's name on its own: two to four capitalised words, no function words ("Hana Yusuf"). */
export function isNameShaped(text: string): boolean {
  const words = wordsOf(text);
  return words.length >= 2 && words.length <= 4 && text.length <= 50 && words.every((w) => /^\p{Lu}[\p{Ll}'’-]+$/u.test(w) && !isFunctionWord(w));
}

/** Verbs a page uses to address its reader: sign up, follow, share, read, watch… */
const CALLS = /^(?:sign|subscribe|follow|share|click|tap|download|read|watch|listen|join|get|register|send|enter|اشترك|اشتركوا|تابع|تابعونا|شارك|شاركوا|اقرأ|إقرأ|شاهد|استمع|انضم|حمل|سجل)$/iu;
/** Words by which a page speaks to its reader about itself: "our", "you", "here"; Arabic ـنا, لك, هنا. */
const ADDRESS = /^(?:our|us|you|your|here|now|هنا|الآن|لك|لكم|أنت|أنتم|\p{Script=Arabic}+نا)$/iu;

/** Whether a line speaks to the reader ("your inbox", "you agree to our terms"). */
export function addressesReader(text: string): boolean {
  return wordsOf(text).some((w) => ADDRESS.test(w));
}

/**
 * A call to the reader: one clause that opens with such a verb and speaks to the reader
 * ("Sign up here for our daily newsletter.", «تابعونا على تلغرام»). A reporter's sentence
 * that opens with the same verb goes on with a comma or another clause, and stays.
 */
export function isCallToReader(text: string): boolean {
  const words = wordsOf(text);
  if (!words.length || words.length > 14 || /[,،;]/u.test(text) || !CALLS.test(words[0]!)) return false;
  return words.slice(1).some((w) => ADDRESS.test(w));
}
