/**
 * The raw material of synthetic articles: news-like sentence templates and the words
 * that fill them. Kept apart from the generator so the generator reads as structure and
 * this file as vocabulary. `{slot}` marks a place the generator fills (see corpus.ts).
 */

/** ~30 topics; the generator weights earlier ones higher, so topic pages vary in length. */
export const TOPICS = [
  'Syria', 'Security', 'Diplomacy', 'Iraq', 'Lebanon', 'Economy', 'Gaza', 'Israel', 'Iran', 'Humanitarian Aid',
  'Refugees', 'Energy', 'Jordan', 'Egypt', 'Turkey', 'Yemen', 'Elections', 'Human Rights', 'Saudi Arabia', 'Health',
  'Water', 'Reconstruction', 'Trade', 'Climate', 'Education', 'Technology', 'Culture', 'Aleppo', 'ISIS', 'Sport',
] as const;

/**
 * Five of the sources in content/sources.yaml, each written the ways editors write them
 * (name, alias, id), so source matching is exercised as in real use.
 */
export const SOURCES = [
  { forms: ['The Media Line', 'Media Line', 'TML'], domain: 'themedialine.org' },
  { forms: ['Reuters', 'reuters', 'Thomson Reuters'], domain: 'www.reuters.com' },
  { forms: ['Associated Press', 'AP', 'The Associated Press'], domain: 'apnews.com' },
  { forms: ['Al Jazeera', 'Al Jazeera English', 'al-jazeera'], domain: 'www.aljazeera.com' },
  { forms: ['BBC News', 'BBC', 'bbc-news'], domain: 'www.bbc.com' },
] as const;

export const REPUBLISHERS = ['The Jerusalem Post', 'JPost'] as const;

export const ZONES = ['Asia/Damascus', 'Asia/Jerusalem', 'Asia/Beirut', 'Asia/Baghdad', 'Africa/Cairo', 'Europe/London', 'Asia/Riyadh', 'UTC'] as const;

export const PLACES = [
  'Aleppo', 'Damascus', 'Homs', 'Idlib', 'Raqqa', 'Deir ez-Zor', 'Baghdad', 'Mosul', 'Basra', 'Erbil', 'Beirut', 'Tripoli',
  'Sidon', 'Amman', 'Irbid', 'Cairo', 'Alexandria', 'Gaza City', 'Khan Younis', 'Ramallah', 'Jerusalem', 'Haifa', 'Tehran',
  'Isfahan', 'Sanaa', 'Aden', 'Riyadh', 'Jeddah', 'Doha', 'Abu Dhabi', 'Muscat', 'Ankara', 'Istanbul', 'Gaziantep', 'Tunis',
] as const;

export const OFFICIALS = [
  'the Interior Ministry', 'the Foreign Ministry', 'local authorities', 'the United Nations', 'aid agencies', 'the central bank',
  'the army', 'security officials', 'the Health Ministry', 'municipal officials', 'opposition leaders', "the prime minister's office",
  'the World Food Programme', 'the Red Cross', 'energy regulators', 'the electoral commission', 'the Education Ministry',
] as const;

export const FIRST_NAMES = ['Nour', 'Ahmad', 'Layla', 'Omar', 'Sara', 'Yusuf', 'Rania', 'Karim', 'Hala', 'Samir', 'Dina', 'Tariq', 'Maya', 'Fadi', 'Lina', 'Walid', 'Amir', 'Mohammad', 'Rasha', 'Khaled'] as const;
export const LAST_NAMES = ['al-Baba', 'Haddad', 'Khoury', 'Mansour', 'Nasser', 'Saleh', 'Aziz', 'Darwish', 'Hamdan', 'Qasim', 'Bash', 'Cohen', 'Farah', 'Issa', 'Jaber', 'Karam', 'Odeh', 'Rahman', 'Shami', 'Zein'] as const;
export const ROLES = ['spokesperson', 'analyst', 'researcher', 'local official', 'economist', 'diplomat', 'doctor', 'teacher', 'engineer', 'shopkeeper', 'aid worker', 'lawyer'] as const;

export const EVENTS = ['the talks', 'the operation', 'the vote', 'the storm', 'the strike', 'the agreement', 'the ceasefire', 'the summit', 'the outbreak', 'the drought', 'the protests', 'the reforms'] as const;
export const COMMODITIES = ['bread', 'fuel', 'cooking gas', 'rice', 'medicine', 'rent', 'electricity', 'drinking water'] as const;
export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;
export const GROUPS = ['farmers', 'teachers', 'displaced families', 'small businesses', 'hospital staff', 'tribal leaders', 'students', 'fishermen'] as const;

/** Body sentences. Slots: place, place2, official, Official (capitalised), person, role, aRole/ARole ("an analyst"), weekday, number, pct, month, year, event, commodity, group, hours, url, topic. */
export const SENTENCES = [
  '{Official} said on {weekday} that {number} people had been evacuated from {place} since {event} began.',
  'Speaking to reporters in {place}, {role} {person} described the situation as "difficult but manageable."',
  'The decision follows weeks of negotiation between {official} and representatives of {group}, according to two people familiar with the matter.',
  'Prices for {commodity} in {place} have risen by {pct} percent since {month}, putting new pressure on household budgets.',
  '{Official} announced a package worth {number} million dollars on {weekday} to support {group} in the worst-affected districts.',
  'Residents of {place} told reporters that *nothing had changed* on the ground since the announcement.',
  'In a statement, {official} said the measures were temporary and would be reviewed in {month}.',
  'Observers note that {place} has seen {number} similar incidents this year, most of them on the outskirts of the city.',
  '"We are doing everything we can," said {person}, {aRole} in {place}. "But the needs are growing faster than the resources."',
  'The [full report]({url}) lists {number} recommendations, including better protection for {group}.',
  'Last {weekday}, {official} met delegates from {place2} to discuss {topic} and the months ahead.',
  'Analysts say the move could reshape {topic} policy across the region for years to come.',
  '{Official} did not respond to a request for comment by the time of publication.',
  'The figures could not be independently verified.',
  'Since {year}, the number of families living in temporary shelters around {place} has more than doubled.',
  'Talks are expected to resume in {place2} early next month, diplomats said.',
  'Schools in {place} reopened on {weekday} after a two-week closure, the Education Ministry said.',
  'Electricity is available for only {hours} hours a day in parts of {place}, according to {official}.',
  'The convoy reached {place} on {weekday} morning after being held at a checkpoint for most of the night.',
  'Officials in {place2} have so far declined to say whether they will take part in {event}.',
  '{ARole} who asked not to be named said the plan had been drafted "in a hurry and without consultation."',
  'Trade between {place} and {place2} fell by {pct} percent last year, customs data show.',
  'The ministry said it had received more than {number} complaints about shortages of {commodity} since {month}.',
  'Human rights groups have called for an independent investigation into the events of {month} {year}.',
  'Much of the old market in {place}, once a hub for merchants from across the region, still lies in ruins.',
  'On {weekday} evening, hundreds of people gathered in the main square of {place} to demand better services.',
  'The World Bank estimates that reconstruction will cost at least {number} billion dollars over the next decade.',
  '"This is not the first time we have heard these promises," said {person}, {aRole} from {place}.',
  'Water levels in the reservoirs serving {place} are at their lowest in {number} years, engineers warned.',
  'The agreement still needs the approval of parliament, where the governing coalition does not command a majority.',
  'Yesterday, the first shipments of {commodity} arrived at the port, easing shortages that had lasted for weeks.',
  'Local media reported that {number} people were detained during the raid, among them two alleged commanders.',
] as const;

export const HEADLINES = [
  '{Official} announces new measures in {place} as {event} drags on',
  '{place} residents face rising {commodity} prices after {event}',
  'Talks between {place} and {place2} resume amid regional tension',
  '{number} detained in security operation in {place}',
  'Aid agencies warn of shortages in {place} as winter approaches',
  'Schools reopen in {place} after two-week closure',
  'Reconstruction of {place} old market stalls over funding',
  '{Official} unveils {number} million dollar plan for {group}',
  'Protesters in {place} demand better services and jobs',
  'Power cuts of up to {hours} hours a day hit {place}',
  'Diplomats in {place2} seek to revive stalled {topic} talks',
  'Water shortage in {place} reaches a critical point, engineers say',
] as const;

export const STANDFIRSTS = [
  '{Official} says the steps are temporary, but residents of {place} fear they will last for months.',
  'The move comes at a time of growing regional anxiety over {topic}, and after weeks of negotiation.',
  'Families in {place} say the crisis has changed how they live; officials promise relief before {month}.',
  'What began as a local dispute has drawn in {official} and raised questions about {topic} across the region.',
  'The numbers have not been independently verified, but aid workers in {place} describe a worsening situation.',
] as const;

export const SUBHEADINGS = ['What happens next', 'A city under pressure', 'Regional reactions', 'The cost of {topic}', 'Why {place} matters', 'Background', 'Questions over funding', 'Life on the ground'] as const;

export const CAPTIONS = [
  'Workers clear rubble from a damaged building in {place}, {month} {year}.',
  'Residents queue for {commodity} in {place}.',
  'A street in the old city of {place} at dusk.',
  'Delegates arrive for {event} in {place2}, {month} {year}.',
  'Children walk to school past a checkpoint in {place}.',
  'Traders wait for customers at a market in {place}. *Prices have doubled since {month}.*',
] as const;

/**
 * Credit lines in the forms news sites print them (see src/lib/credits.ts); `{NAME}` is an
 * upper-case name, `{Name}` a name as written.
 */
export const CREDITS = [
  'photo credit: {Name}. Via Shutterstock',
  '{NAME}/REUTERS',
  '{Name}/AFP via Getty Images',
  'credit: NDLA',
  'Photo: AP',
  '(photo credit: {Name}/Flash90)',
  '{Name} via Wikimedia Commons',
  'Image: {Name}/Anadolu Agency',
  'REUTERS/{NAME}',
  'credit: UNRWA',
] as const;

// Arabic material for the ~5% of articles in Arabic (lang: ar, right to left).

export const AR_PLACES = ['حلب', 'دمشق', 'حمص', 'بغداد', 'الموصل', 'بيروت', 'عمّان', 'القاهرة', 'غزة', 'صنعاء', 'الرياض', 'الدوحة', 'طرابلس', 'إدلب', 'البصرة'] as const;
export const AR_WEEKDAYS = ['الأحد', 'الاثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة', 'السبت'] as const;
export const AR_NAMES = ['أحمد الخطيب', 'ليلى حسن', 'محمد العلي', 'سارة إبراهيم', 'يوسف منصور', 'رنا عبد الله'] as const;

/** Slots: place, place2, weekday, number, person. */
export const AR_SENTENCES = [
  'أعلنت وزارة الداخلية يوم {weekday} عن تنفيذ عملية أمنية في {place}، أسفرت عن توقيف {number} أشخاص.',
  'وقال مسؤول محلي إن الأوضاع في {place} لا تزال صعبة، مع استمرار انقطاع الكهرباء لساعات طويلة.',
  'وأشارت مصادر ميدانية إلى أن السكان بدأوا بالعودة تدريجياً إلى منازلهم في الأحياء الشرقية من {place}.',
  'ويأتي هذا التطور في وقت تشهد فيه المنطقة توتراً متزايداً على خلفية الأزمة الاقتصادية.',
  'وذكرت منظمات إنسانية أن أكثر من {number} عائلة بحاجة إلى مساعدات عاجلة من الغذاء والدواء.',
  'وفي سياق متصل، التقى وزير الخارجية نظيره في {place2} لبحث سبل تعزيز التعاون الثنائي.',
  'وأكد المتحدث باسم الحكومة أن الإجراءات الجديدة ستدخل حيز التنفيذ مطلع الشهر المقبل.',
  'من جهتهم، عبّر عدد من التجار في أسواق {place} عن قلقهم من ارتفاع الأسعار وتراجع القدرة الشرائية.',
  'وكانت السلطات قد أعلنت أمس عن خطة لإعادة تأهيل البنية التحتية في {place} بتكلفة تقدر بـ{number} مليون دولار.',
  'ويرى محللون أن هذه الخطوة قد تمهد الطريق أمام استئناف المفاوضات المتعثرة منذ أشهر.',
  'ولم يتسنَّ التحقق من هذه الأرقام بشكل مستقل.',
  'وشهدت {place} مساء الخميس احتجاجات محدودة طالب خلالها المشاركون بتحسين الخدمات الأساسية.',
  'وقالت {person}، وهي معلمة من {place}: "نريد فقط أن يعيش أطفالنا بأمان".',
  'وتعمل فرق الدفاع المدني على إزالة الأنقاض وفتح الطرق الرئيسية أمام حركة المرور.',
  'وبحسب تقديرات الأمم المتحدة، فإن نحو {number} ألف شخص نزحوا من منازلهم خلال العام الماضي.',
  'وتطالب المنظمات الدولية بزيادة التمويل المخصص للاستجابة الإنسانية في المنطقة.',
  'وأوضح الخبير الاقتصادي {person} أن تراجع قيمة العملة المحلية انعكس مباشرة على أسعار المواد الغذائية.',
  'وفي ختام الاجتماع، اتفق الطرفان على تشكيل لجنة مشتركة لمتابعة تنفيذ التفاهمات.',
] as const;

export const AR_HEADLINES = [
  'عملية أمنية في {place} تسفر عن توقيف {number} أشخاص',
  'احتجاجات في {place} للمطالبة بتحسين الخدمات',
  'الأمم المتحدة: {number} ألف نازح في {place}',
  'ارتفاع الأسعار يثقل كاهل سكان {place}',
  'محادثات في {place2} لبحث التعاون الاقتصادي',
] as const;

export const AR_STANDFIRSTS = [
  'تقول السلطات إن الإجراءات مؤقتة، لكن سكان {place} يخشون أن تستمر لأشهر.',
  'تأتي الخطوة وسط قلق إقليمي متزايد وبعد أسابيع من المفاوضات في {place2}.',
] as const;

export const AR_SUBHEADINGS = ['خلفية الأحداث', 'ردود الفعل', 'ما الخطوة التالية؟', 'الوضع الإنساني'] as const;
export const AR_CAPTIONS = ['سكان يسيرون في أحد شوارع {place}.', 'عمال يزيلون الأنقاض في {place}.', 'سوق شعبي في {place} قبيل الإفطار.'] as const;
