# PhotoVeil — اردو (طلبہ اور والدین کے لیے سادہ زبان)۔ ہر کلید انگریزی فائل جیسی ہونی چاہیے۔

## Categories of what a photo gives away
category-location = مقام
category-device = آلہ
category-person = شخص
category-time = وقت
category-hidden = چھپا ہوا مواد

## Severities
severity-low = کم
severity-medium = درمیانہ
severity-high = زیادہ

## What each finding means, in plain words
finding-gps-position = اس تصویر میں یہ درج ہے کہ یہ کہاں کھینچی گئی تھی۔
finding-gps-detail = جی پی ایس کی تفصیلات: جہاں تصویر کھینچی گئی وہاں کی اونچائی، سمت یا رفتار۔
finding-gps-time = تصویر کھینچتے وقت جی پی ایس کی درج کی ہوئی تاریخ اور وقت۔
finding-place-name = کسی جگہ کا لکھا ہوا نام: شہر، ملک یا اس سے بھی زیادہ ٹھیک جگہ۔
finding-device-model = تصویر کھینچنے والے کیمرے یا فون کی کمپنی اور ماڈل۔
finding-serial-number = ایسا سیریل نمبر جو صرف ایک ہی کیمرے، لینس یا فون کی پہچان ہے؛ اس سے کھینچی گئی ساری تصویریں آپس میں جُڑ جاتی ہیں۔
finding-software = وہ پروگرام یا فرم ویئر جس نے یہ فائل بنائی یا اس میں تبدیلی کی۔
finding-unique-id = اس تصویر کی اپنی الگ پہچان (آئی ڈی)؛ اس سے تصویر کی نقلیں اور بدلی ہوئی شکلیں آپس میں جُڑ جاتی ہیں۔
finding-owner-name = مالک، بنانے والے یا تصویر کھینچنے والے کا نام۔
finding-copyright = کاپی رائٹ کا نوٹس، اکثر کسی کے نام کے ساتھ۔
finding-contact-details = رابطے کی تفصیلات: ای میل، فون نمبر، پتا یا ویب سائٹ۔
finding-caption = کسی کا لکھا ہوا کیپشن، عنوان یا کلیدی الفاظ؛ ان میں لوگوں یا جگہوں کے نام ہو سکتے ہیں۔
finding-named-person-region = تصویر میں کسی چہرے یا شخص پر اس کے نام کے ساتھ نشان لگا ہے۔
finding-person-region = تصویر میں چہروں یا لوگوں پر نشان لگے ہیں۔
finding-date-taken = تصویر کب کھینچی گئی تھی۔
finding-date-modified = فائل کب بنی یا کب بدلی گئی۔
finding-time-zone = آلے کا ٹائم زون، جس سے ملک کا اندازہ لگایا جا سکتا ہے۔
finding-thumbnail = فائل میں چھپی ایک چھوٹی سی جھلک؛ اس میں کاٹنے یا بدلنے سے پہلے والی تصویر نظر آ سکتی ہے۔
finding-extra-images = اسی فائل میں چھپی ہوئی مزید تصویریں۔
finding-motion-photo = تصویر میں چھپی ایک چھوٹی سی ویڈیو ("موشن فوٹو")، اکثر آواز کے ساتھ۔
finding-trailing-data = تصویر ختم ہونے کے بعد چھپا ہوا ڈیٹا۔
finding-text-chunk = فائل کے اندر محفوظ کی گئی تحریر۔
finding-comment = فائل کے اندر محفوظ کیا گیا کوئی تبصرہ۔
finding-maker-note = بنانے والی کمپنی کا نجی ڈیٹا، جس میں اکثر سیریل نمبر ہوتے ہیں۔
finding-edit-history = تبدیلیوں کا ریکارڈ: کن پروگراموں نے فائل کو کب بدلا۔
finding-other-metadata = دوسرا چھپا ہوا ڈیٹا۔

## Command line messages
cli-scan-faces = { $count ->
    [0] کوئی چہرہ نہیں
    [one] ایک چہرہ
   *[other] { $count } چہرے
}، { $usable ->
    [0] کوئی بھی بدلنے کے لیے کافی صاف نہیں
    [one] ان میں سے ایک بدلنے کے لیے کافی صاف ہے
   *[other] ان میں سے { $usable } بدلنے کے لیے کافی صاف ہیں
}
cli-face-usable = چہرہ بدلنے والے ٹولز کے لیے کافی صاف
cli-face-not-usable = بہت چھوٹا یا رُخ مڑا ہوا، بدلنا مشکل
cli-face-at = چہرہ یہاں:
cli-scan-nothing-found = کچھ نہیں ملا
cli-photo-error = { $file }: خرابی: { $why }
cli-scan-findings = { $count ->
    [one] ایک چیز ملی
   *[other] { $count } چیزیں ملیں
}
cli-report-written = رپورٹ محفوظ ہو گئی:
cli-face-cache-not-saved = ملے ہوئے چہرے اگلی بار کے لیے یاد نہیں رکھے جا سکے (اگلی جانچ میں انہیں دوبارہ ڈھونڈا جائے گا)
cli-report-failed = رپورٹ محفوظ نہیں ہو سکی:
cli-interrupted = روک دیا گیا (Ctrl-C)۔ جو نقلیں لکھی جا چکی ہیں وہ مکمل ہیں؛ جاری تصویر اور اس کے بعد والی تصویریں نہیں لکھی گئیں۔
cli-demo-photos = نمونے کی تصویریں (سب کے لیے آزاد تصویریں، فرضی معلومات کے ساتھ):

## Workshop report
report-title = ہماری تصویریں کیا کچھ بتا دیتی ہیں
report-intro = PhotoVeil نے یہ تصویریں اسی کمپیوٹر پر جانچیں۔ کچھ بھی کہیں نہیں بھیجا گیا۔
report-photo-count = { $count ->
    [one] ایک تصویر
   *[other] { $count } تصویریں
}
report-photo-heading = تصویر
report-picture-hidden = اس رپورٹ میں تصویر نہیں دکھائی گئی۔
report-picture-unavailable = اس فائل کی جھلک نہیں دکھائی جا سکتی۔
report-revealed-heading = یہ تصویر کیا بتاتی ہے
report-revealed-nothing = کچھ نہیں ملا: اس تصویر میں کوئی جگہ، آلہ یا نام محفوظ نہیں۔
report-column-kind = قسم
report-column-found = کیا ملا
report-column-risk = خطرہ
report-gps-heading = تصویر کہاں کھینچی گئی
report-gps-coordinates = جی پی ایس کوآرڈینیٹس (عرض بلد، طول بلد):
report-gps-note = جس کے پاس بھی اصل فائل ہو، وہ یہ نمبر نقشے میں ڈال کر وہ جگہ دیکھ سکتا ہے۔

# تصویر کھینچنے کی جگہ کا نقشہ (جائزے کی تفصیل اور رپورٹ)
map-title = تصویر کھینچنے کی جگہ کا نقشہ
map-place-named = تصویر میں لکھی ہوئی جگہ: { $place }
map-place-tagged = ایکسپورٹ میں ٹیگ کی گئی جگہ: { $place }
map-at-sea = نقشے پر یہ مقام خشکی پر نہیں ہے: یہ سمندر میں ہے یا ساحل کے بالکل قریب۔
map-credit = نقشہ: نیچرل ارتھ کی ملکی سرحدیں (پبلک ڈومین)، اسی کمپیوٹر پر بنایا گیا۔
map-unavailable = نقشہ نہیں بن سکتا: PhotoVeil میں نقشے کا ڈیٹا خراب ہے۔ PhotoVeil دوبارہ انسٹال کرنے سے یہ ٹھیک ہو جائے گا۔
report-map-beside-heading = ایکسپورٹ کے مطابق یہ کہاں کھینچی گئی
report-faces-heading = چہرے
report-faces-not-checked = چہروں کی جانچ نہیں کی گئی۔
report-faces-found = { $count ->
    [0] کوئی چہرہ نہیں ملا۔
    [one] ایک چہرہ ملا۔
   *[other] { $count } چہرے ملے۔
}
report-faces-usable = { $count ->
    [0] کوئی بھی چہرہ اتنا صاف نہیں کہ اسے بدلا جا سکے۔
    [one] ان میں سے ایک اتنا صاف ہے کہ چہرہ بدلنے والا ٹول اسے اٹھا کر استعمال کر سکتا ہے۔
   *[other] ان میں سے { $count } اتنے صاف ہیں کہ چہرہ بدلنے والا ٹول انہیں اٹھا کر استعمال کر سکتا ہے۔
}
report-done-heading = PhotoVeil نے کیا کیا
report-done-scanned = صرف جانچ کی گئی: تصویر میں کوئی تبدیلی نہیں کی گئی۔
report-done-cleaned = یہ معلومات ہٹا کر ایک صاف نقل محفوظ کی گئی:
report-done-kept-orientation = جان بوجھ کر رکھا گیا: تصویر کس رُخ سیدھی دکھائی دے۔
report-done-kept-colour = جان بوجھ کر رکھا گیا: رنگوں کی پروفائل، تاکہ رنگ ٹھیک دکھائی دیں۔
report-done-protected = ساری چھپی معلومات ہٹا کر ایک محفوظ نقل بنائی گئی:
report-done-cloaked = { $count ->
    [one] ایک چہرے پر چہرہ پہچاننے والے نظام سے بچاؤ کا پردہ ڈالا گیا۔
   *[other] { $count } چہروں پر چہرہ پہچاننے والے نظام سے بچاؤ کا پردہ ڈالا گیا۔
}
report-done-blurred = { $count ->
    [one] ایک چہرہ دھندلا کر دیا گیا۔
   *[other] { $count } چہرے دھندلے کر دیے گئے۔
}
report-done-left = { $count ->
    [one] ایک چہرہ ویسے ہی چھوڑ دیا گیا۔
   *[other] { $count } چہرے ویسے ہی چھوڑ دیے گئے۔
}
report-done-verified = { $count ->
    [0] اپ لوڈ جیسی جانچ کے بعد، ایک الگ جانچنے والا نظام تصدیق نہ کر سکا کہ پردے والا کوئی چہرہ اب نہیں پہچانا جاتا۔
    [one] اپ لوڈ جیسی جانچ کے بعد، ایک الگ جانچنے والا نظام پردے والے ایک چہرے کو نہیں پہچان سکا۔
   *[other] اپ لوڈ جیسی جانچ کے بعد، ایک الگ جانچنے والا نظام پردے والے { $count } چہروں کو نہیں پہچان سکا۔
}
report-done-failed = یہ فائل استعمال نہیں ہو سکی:
report-risk-heading = ڈیپ فیک: کلاس میں سب کو کیا معلوم ہونا چاہیے
report-risk-what = ڈیپ فیک کمپیوٹر سے بنائی گئی جعلی تصویر یا ویڈیو ہوتی ہے۔ اس میں آپ کا چہرہ کسی اور کے جسم پر لگایا جا سکتا ہے، یا ایسا دکھایا جا سکتا ہے جیسے آپ نے وہ باتیں کہیں جو آپ نے کبھی نہیں کہیں۔
report-risk-how = اس کے لیے بس چہرے کی چند صاف تصویریں چاہییں، ویسی ہی جیسی ہم روز پوسٹ کرتے ہیں۔ چہرہ بدلنے (فیس سویپ) والی ایپس مفت ہیں اور چند منٹ میں کام کر دیتی ہیں۔
report-risk-harm = جعلی تصویریں اور ویڈیوز تنگ کرنے، شرمندہ کرنے، بلیک میل کرنے اور دوستوں اور گھر والوں کو دھوکا دینے کے لیے استعمال ہوتی ہیں۔ کسی کی فحش ڈیپ فیک بنانا یا پھیلانا زیادتی ہے، اور بہت سے ملکوں میں جرم ہے۔
report-risk-location = چھپی معلومات خطرہ اور بڑھا دیتی ہیں: تصویر کا جی پی ایس مقام، تاریخ اور نام کسی اجنبی کو آپ کے گھر یا اسکول تک پہنچا سکتے ہیں۔
report-risk-help = اگر آپ یا آپ کے کسی دوست کے ساتھ ایسا ہو تو یاد رکھیں: اس میں آپ کا کوئی قصور نہیں۔ جواب نہ دیں اور پیسے نہ دیں۔ ثبوت محفوظ کریں، ایپ پر رپورٹ کریں، اور کسی ایسے بڑے کو ضرور بتائیں جس پر آپ بھروسا کرتے ہیں۔
report-footer = PhotoVeil سے بنایا گیا۔ صفائی اور حفاظت سے غلط استعمال مشکل ہو جاتا ہے، لیکن کوئی بھی ٹول پوری حفاظت کا وعدہ نہیں کر سکتا: پوسٹ کرنے سے پہلے سوچیں۔
report-audit-position = خطرے میں درجہ { $position }
report-audit-todo = کیا کرنا چاہیے
report-audit-why = وجوہات:

## GUI
## The desktop app. Keys start with "gui-"; { $name } placeholders are filled in by the app.
gui-app-name = فوٹو ویل PhotoVeil
gui-settings = ترتیبات
gui-back = واپس
gui-cancel = منسوخ کریں
gui-cancelling = روکا جا رہا ہے…
gui-close = بند کریں
gui-done = ہو گیا
gui-loading = لوڈ ہو رہا ہے…
gui-honest = حفاظت سے آپ کی تصویروں کا غلط استعمال مشکل اور مہنگا ہو جاتا ہے، لیکن یہ کوئی ضمانت نہیں۔ صرف وہی نتائج دکھائے جاتے ہیں جو واقعی ناپے گئے۔

## GUI: steps
gui-step-choose = چنیں
gui-step-review = دیکھیں
gui-step-protect = حفاظت کریں
gui-step-export = محفوظ کریں

## GUI: start
gui-start-what = دیکھیں کہ آپ کی تصویریں کیا کچھ بتا دیتی ہیں — جگہیں، آلے، نام، چھپی تصویریں، چہرے — اور شیئر کرنے کے لیے محفوظ نقلیں بنائیں۔
gui-start-private = سب کچھ اسی کمپیوٹر پر ہوتا ہے۔ کوئی تصویر، چہرہ یا نتیجہ کبھی باہر نہیں جاتا۔
gui-start-choose-photos = تصویریں چنیں
gui-start-choose-folder = فولڈر چنیں
gui-start-drop = یا تصویریں یا فولڈر یہاں چھوڑیں
gui-start-try-samples = نمونے کی تصاویر سے آزمائیں
gui-start-samples-failed = نمونے کی تصاویر نہیں کھل سکیں: { $why }
gui-start-shortcuts = کیز: Ctrl+O تصویریں · Ctrl+Shift+O فولڈر · Ctrl+E محفوظ کریں · Esc واپس یا منسوخ · F11 کلاس روم موڈ
gui-dialog-photos = جانچنے کے لیے تصویریں چنیں
gui-dialog-folder = جانچنے کے لیے تصویروں کا فولڈر چنیں
gui-start-check-export = اکاؤنٹ کی ایکسپورٹ (ZIP) جانچیں…
gui-dialog-export = انسٹاگرام، فیس بک یا گوگل ٹیک آؤٹ سے ڈاؤن لوڈ کی گئی ZIP فائل چنیں
gui-dialog-filter-export = ZIP فائل
gui-start-check-export-folder = …یا کھولا ہوا ایکسپورٹ فولڈر
gui-dialog-export-folder-audit = اپنے اکاؤنٹ کی کھولی ہوئی ایکسپورٹ کا فولڈر چنیں
gui-audit-title = آپ کا اکاؤنٹ کیا دکھاتا ہے
gui-audit-running = ایکسپورٹ پڑھی جا رہی ہے اور ہر تصویر اسی کمپیوٹر پر جانچی جا رہی ہے… اس میں چند منٹ لگ سکتے ہیں۔
gui-audit-back = واپس
gui-audit-failed = ایکسپورٹ پڑھی نہیں جا سکی: { $why }
gui-audit-replace = محفوظ کاپیاں محفوظ کریں…
gui-audit-replace-dialog = محفوظ کاپیوں کے لیے فولڈر چنیں
gui-audit-saving = محفوظ کیا جا رہا ہے…
gui-audit-replaced = { $count ->
    [one] ایک محفوظ کاپی { $folder } میں رکھ دی گئی۔ اصل کی جگہ یہ پوسٹ کریں۔
   *[other] { $count } محفوظ کاپیاں { $folder } میں رکھ دی گئیں۔ اصل کی جگہ یہ پوسٹ کریں۔
}
gui-audit-replace-failed = { $count ->
    [one] ایک تصویر محفوظ نہیں کی جا سکی۔
   *[other] { $count } تصویریں محفوظ نہیں کی جا سکیں۔
}
gui-audit-more = … اور { $count } مزید رپورٹ میں ہیں۔
gui-audit-names-private = کسی شخص کو نام دیں تاکہ اگلی جانچ میں بھی وہ پہچانا جائے۔ نام صرف اسی کمپیوٹر پر رہتے ہیں۔
gui-audit-name-placeholder = نام (مثلاً میں)
gui-audit-save-name = نام محفوظ کریں
gui-audit-show-person = صرف اس کی تصویریں دکھائیں
gui-audit-show-all = سب تصویریں دکھائیں
gui-dialog-filter-photos = تصویریں
gui-dialog-export-folder = چنیں کہ محفوظ نقلیں کہاں رکھی جائیں

## GUI: scan
gui-scan-title = آپ کی تصویریں جانچی جا رہی ہیں
gui-scan-listing = تصویریں تلاش کی جا رہی ہیں…
gui-scan-count = { $total } میں سے { $done } تصویریں جانچ لی گئیں
gui-scan-explain = آپ کی تصویریں صرف پڑھی جاتی ہیں، کبھی بدلی نہیں جاتیں۔
gui-scan-stop = روکیں
gui-scan-checking = جانچ ہو رہی ہے…
gui-scan-found = { $risky ->
    [one] اب تک 1 تصویر کچھ ظاہر کر رہی ہے۔
   *[other] اب تک { $risky } تصویریں کچھ ظاہر کر رہی ہیں۔
  }

## GUI: badges (a symbol is shown before each word)
gui-badge-location = مقام
gui-badge-device = آلہ
gui-badge-person = نام
gui-badge-time = تاریخ
gui-badge-hidden = چھپا مواد
gui-badge-faces = چہرے
gui-badge-unreadable = پڑھی نہیں جا سکی

## GUI: review
gui-review-title = آپ کی تصویریں کیا کچھ بتا دیتی ہیں
gui-review-summary = { $total ->
    [one] ایک تصویر جانچی گئی
   *[other] { $total } تصویریں جانچی گئیں
  }، { $risky ->
    [0] کوئی بھی کچھ نہیں بتاتی۔
    [one] ان میں سے ایک کچھ نہ کچھ بتا دیتی ہے۔
   *[other] ان میں سے { $risky } کچھ نہ کچھ بتا دیتی ہیں۔
  }
gui-review-only-risky = صرف وہ تصویریں دکھائیں جو کچھ بتا دیتی ہیں
gui-review-next = محفوظ نقلیں بنائیں…
gui-review-start-over = دوسری تصویریں چنیں
gui-review-empty = وہاں کوئی تصویر نہیں ملی۔
gui-review-no-faces = چہرے تلاش نہیں کیے جا سکے: { $why }
gui-review-clear = کچھ نہیں ملا
gui-review-cannot-show = یہ تصویر دکھائی نہیں جا سکتی: { $why }
gui-review-faces = { $faces ->
    [one] ایک چہرہ ملا
   *[other] { $faces } چہرے ملے
  }؛ { $usable ->
    [0] کوئی بھی چہرہ بدلنے والے ٹول کے لیے کافی صاف نہیں۔
    [one] ان میں سے ایک اتنا صاف ہے کہ چہرہ بدلنے والا ٹول اسے استعمال کر سکتا ہے۔
   *[other] ان میں سے { $usable } اتنے صاف ہیں کہ چہرہ بدلنے والا ٹول انہیں استعمال کر سکتا ہے۔
  }
gui-review-no-faces-found = کوئی چہرہ نہیں ملا۔
gui-review-nothing-found = اس تصویر میں کوئی چھپی چیز نہیں ملی۔
gui-review-value = فائل میں لکھا ہے: { $value }
gui-review-box-legend = موٹے نارنجی فریم: وہ چہرے جو چہرہ بدلنے والے ٹولز کے لیے کافی صاف ہیں۔ پتلے نیلے فریم: باقی چہرے۔
gui-review-save-report = رپورٹ محفوظ کریں…
gui-review-report-dialog = ورکشاپ رپورٹ محفوظ کریں
gui-review-report-filter = ویب صفحہ (HTML)
gui-review-report-pictures = رپورٹ میں تصویریں شامل کریں
gui-review-report-saved = رپورٹ محفوظ ہو گئی: { $file }
gui-review-report-failed = رپورٹ محفوظ نہیں ہو سکی: { $why }

## GUI: protect
gui-protect-title = محفوظ نقلیں بنائیں
gui-protect-metadata = چھپی معلومات ہٹائیں (ہمیشہ آن)
gui-protect-metadata-explain = ہر نقل سے مقام، آلہ، نام، تاریخیں اور چھپی تصویریں ہٹا دی جاتی ہیں۔ اصل تصویریں کبھی نہیں بدلی جاتیں۔
gui-protect-faces = چہرے
gui-mode-until-verified = چہروں کی حفاظت: تصدیق ہونے تک (تجویز کردہ)
gui-mode-until-verified-explain = ہر چہرے کو اتنی ہی تبدیلی دی جاتی ہے جتنی کام کرے: اپ لوڈ جیسی جانچ کے بعد اسے پرکھا جاتا ہے، اور صرف ضرورت ہو تو تبدیلی بڑھائی جاتی ہے (پہلے ہلکی، پھر درمیانی، پھر مضبوط)۔ اگر مضبوط بھی کافی نہ ہو تو آپ کو بتایا جاتا ہے اور آپ وہ چہرہ دھندلا کر سکتے ہیں۔
gui-mode-subtle = چہروں کی حفاظت: ہلکی
gui-mode-subtle-explain = سب سے کم تبدیلی؛ سب سے کمزور حفاظت۔
gui-mode-standard = چہروں کی حفاظت: درمیانی
gui-mode-standard-explain = ہلکے سے زیادہ حفاظت؛ قریب سے دیکھنے پر چہرے کے سائے تھوڑے سے ناہموار لگ سکتے ہیں۔
gui-mode-strong = چہروں کی حفاظت: مضبوط
gui-mode-strong-explain = سب سے مضبوط حفاظت؛ قریب سے دیکھنے پر تبدیلی نظر آ سکتی ہے، اور چہرے کے نقوش بہت تھوڑے سے سرکائے جاتے ہیں۔
gui-mode-blur = چہرے دھندلے کریں
gui-mode-blur-explain = چہرے اتنے دھندلے کر دیے جاتے ہیں کہ پہچانے نہ جا سکیں۔ یہ پکا طریقہ ہے، اور اسے واپس نہیں کیا جا سکتا۔
gui-mode-metadata-only = چہرے جیسے ہیں ویسے رہنے دیں
gui-mode-metadata-only-explain = صرف چھپی معلومات ہٹائی جاتی ہیں؛ تصویر بالکل ویسی ہی نقل ہوتی ہے۔
gui-protect-photos = { $total ->
    [one] ایک تصویر
   *[other] { $total } تصویریں
  }، ان میں سے { $faces } میں چہرے ہیں۔
gui-protect-folder = نقلیں یہاں محفوظ کریں
gui-protect-no-folder = (آپ سے پوچھا جائے گا)
gui-protect-choose-folder = فولڈر چنیں…
gui-protect-never-originals = اگر وہاں پہلے سے کوئی فائل ہو تو نقل کو نیا نام دیا جاتا ہے؛ کبھی کچھ مٹایا نہیں جاتا۔
gui-protect-export = { $count ->
    [one] ایک محفوظ نقل
   *[other] { $count } محفوظ نقلیں
  } محفوظ کریں
gui-protect-no-sample = جھلک دکھانے کے لیے کوئی تصویر نہیں۔
gui-protect-preview-of = پہلے اور بعد میں: { $name }
gui-protect-next-sample = دوسری تصویر
gui-protect-make-preview = پہلے اور بعد میں دکھائیں
gui-protect-preview-explain = اسی ایک تصویر کی ابھی حفاظت کریں تاکہ اسے اصل سے ملا کر دیکھ سکیں اور جان سکیں کہ کیا ناپا گیا۔ کچھ محفوظ نہیں ہوتا۔
gui-protect-before = پہلے
gui-protect-after = بعد میں
gui-protect-preview-stale = یہ جھلک کسی اور انتخاب سے بنی تھی؛ موازنے کے لیے دوبارہ دکھائیں۔
gui-protect-preview-working = اس تصویر کی حفاظت اور پیمائش ہو رہی ہے… ہر چہرے پر چند سیکنڈ لگتے ہیں، اور جس چہرے کو زیادہ مضبوط سطح چاہیے اس پر زیادہ۔
gui-protect-close-up = چہرے قریب سے
gui-protect-whole = پوری تصویر
gui-protect-face-previous = پچھلا چہرہ
gui-protect-face-next = اگلا چہرہ
gui-protect-face-of = { $total } میں سے چہرہ { $n }
gui-protect-original = اصل
gui-protect-protected = محفوظ نقل
gui-protect-at-100 = اصل سائز (100 %)
gui-protect-at-300 = تین گنا بڑا (300 %)، ہر پکسل جیسا ہے
gui-protect-no-close-up = یہ چہرہ قریب سے نہیں دکھایا جا سکتا۔
gui-protect-no-faces = اس تصویر میں کوئی چہرہ نہیں ملا: صرف اس کی چھپی معلومات ہٹائی جاتی ہیں۔
gui-protect-blur-face = یہ چہرہ دھندلا کریں
gui-protect-unblur-face = یہ چہرہ دھندلا نہ کریں
gui-protect-check-explain = اس جانچ میں چہرہ پہچاننے والا ایک ایسا نظام استعمال ہوتا ہے جو تبدیلی بنانے میں استعمال نہیں ہوا، اور اسے ایسی نقل دکھائی جاتی ہے جو سوشل میڈیا کی طرح چھوٹی اور کمپریس کی گئی ہو؛ اس کی حد وہاں رکھی گئی ہے جہاں ہمارے آزمائے ہوئے دوسرے نظام چہرہ پہچاننا چھوڑ دیتے ہیں۔ جب نتیجہ نہ صاف ہاں ہو نہ صاف نہیں، تو یہ "تصدیق نہیں ہوئی" بتاتا ہے۔

## GUI: per-face results (measured by an independent network after a simulated upload)
gui-face-passed = چہرہ { $n }: { $level ->
    [subtle] ہلکی سطح
    [standard] درمیانی سطح
    [strong] مضبوط سطح
   *[other] یہ تبدیلی
  } کافی رہی — جس نظام نے یہ تبدیلی نہیں بنائی وہ اپ لوڈ جیسی جانچ کے بعد اسے اب نہیں پہچانتا۔
gui-face-not-protected = چہرہ { $n }: { $ceiling ->
    [subtle] ہلکی
    [standard] درمیانی
   *[strong] مضبوط
  } سطح تک بھی حفاظت نہیں ہو سکی — اپ لوڈ جیسی جانچ کے بعد ایک نظام اب بھی اسے پہچان لیتا ہے۔
gui-face-recognised-at = چہرہ { $n }: { $level ->
    [subtle] ہلکی
    [standard] درمیانی
   *[strong] مضبوط
  } سطح والی محفوظ نقل میں، اپ لوڈ جیسی جانچ کے بعد بھی ایک نظام اسے پہچان لیتا ہے۔
gui-face-similarity = اپ لوڈ کے بعد مشابہت { $similarity }؛ { $threshold } سے نیچے محفوظ۔
gui-face-not-confirmed = چہرہ { $n }: { $level ->
    [subtle] ہلکی
    [standard] درمیانی
   *[strong] مضبوط
  } سطح پر حفاظت کی تصدیق نہیں ہوئی۔ جانچ حفاظت کی تصدیق نہ کر سکی؛ ہماری پیمائشوں میں اس سطح پر ایسے نتیجے والے { $odds ->
    [most] ہر پانچ میں سے تقریباً چار چہروں کو
   *[few] ہر چار چہروں میں سے صرف تقریباً ایک کو
  } ہمارے آزمائے ہوئے دوسرے نیٹ ورک اب نہیں پہچانتے تھے۔ اگر اس شخص کو پہچانا نہیں جانا چاہیے تو اسے دھندلا کر دیں۔
gui-face-look = { $seen ->
    [hard] تبدیلی مشکل سے نظر آتی ہے
    [close] غور سے دیکھنے پر تبدیلی نظر آتی ہے
   *[visible] تبدیلی نظر آتی ہے
  } (بناوٹ { $percent } % برقرار، { $colour ->
    [none] رنگ میں کوئی قابلِ توجہ تبدیلی نہیں
    [slight] قریب سے رنگ میں ہلکی تبدیلی
    [visible] قریب سے رنگ کی تبدیلی نظر آتی ہے
   *[unknown] رنگ کی تبدیلی ناپی نہیں گئی
  })۔
gui-face-unmeasured = چہرہ { $n }: بدل دیا گیا، لیکن نتیجہ ناپا نہیں جا سکا۔
gui-face-blurred = چہرہ { $n }: دھندلا کر دیا گیا۔
gui-face-left = چہرہ { $n }: ویسے ہی چھوڑ دیا گیا۔
gui-face-side-view = چہرہ { $n }: یہ چہرہ ایک طرف مڑا ہوا ہے، اس لیے اسے ویسے ہی چھوڑ دیا گیا۔ حفاظت صرف سامنے سے دکھنے والے چہروں پر کام کرتی ہے: اس چہرے پر یہ شخص کو چھپائے بغیر صرف تصویر خراب کرتی۔ اگر اس شخص کو پہچانا نہیں جانا چاہیے تو اسے دھندلا کریں۔

## GUI: export
gui-export-title = محفوظ نقلیں بن رہی ہیں
gui-export-done-title = ہو گیا
gui-export-folder = اس فولڈر میں: { $folder }
gui-export-count = { $total } میں سے { $done } تصویریں
gui-export-working = اس پر کام ہو رہا ہے: { $name }
gui-export-explain = ہر چہرے پر چند سیکنڈ لگتے ہیں۔ منسوخ کرنے سے کام رک جاتا ہے اور کوئی ادھوری فائل نہیں بچتی۔
gui-export-cleaned = { $count ->
    [one] ایک محفوظ نقل چھپی معلومات کے بغیر محفوظ ہو گئی۔
   *[other] { $count } محفوظ نقلیں چھپی معلومات کے بغیر محفوظ ہو گئیں۔
  }
gui-export-levels = ہر محفوظ چہرے کو درکار سطح: ہلکی { $subtle }، درمیانی { $standard }، مضبوط { $strong }۔
gui-export-failed = { $count ->
    [one] ایک تصویر ناکام رہی؛ وجہ نیچے لکھی ہے۔
   *[other] { $count } تصویریں ناکام رہیں؛ وجوہات نیچے لکھی ہیں۔
  }
gui-export-skipped = { $count ->
    [one] ایک تصویر نہیں ہوئی (منسوخ)۔
   *[other] { $count } تصویریں نہیں ہوئیں (منسوخ)۔
  }
gui-export-photo-ok = محفوظ ہو گئی
gui-export-open-folder = فولڈر کھولیں
gui-export-open-failed = فولڈر نہیں کھل سکا؛ اسے اپنے فائل مینیجر میں کھولیں۔
gui-export-back = تصویروں پر واپس
gui-export-more = … اور { $count } مزید نیچے کی فہرست میں ہیں۔
gui-export-no-models = چہروں کی حفاظت نہیں ہو سکی: { $why }

## GUI: closing during an export
gui-close-title = محفوظ کرنا روک کر بند کریں؟
gui-close-body = { $done } نقلیں محفوظ ہو چکی ہیں۔ جس تصویر پر کام ہو رہا ہے وہ محفوظ نہیں ہو گی۔
gui-close-keep = محفوظ کرتے رہیں
gui-close-stop = روکیں اور بند کریں

## GUI: settings
gui-settings-folder = محفوظ نقلیں کہاں رکھی جائیں
gui-settings-folder-ask = ہر بار پوچھیں
gui-settings-folder-clear = ہر بار پوچھیں
gui-settings-mode = چہروں کے ساتھ عام طور پر کیا کیا جائے
gui-settings-quality = حفاظت والی JPEG نقلوں کا معیار
gui-settings-quality-value = معیار { $quality }
gui-settings-language = زبان
gui-settings-theme = شکل و صورت
gui-theme-system = سسٹم کے مطابق
gui-theme-light = روشن
gui-theme-dark = گہری
gui-settings-large-text = بڑا متن (پروجیکٹر کے لیے)
gui-settings-stored = ترتیبات صرف اسی کمپیوٹر پر رکھی جاتی ہیں۔
gui-settings-save-failed = ترتیبات محفوظ نہیں ہو سکیں: { $why }

## photoveil audit (account exports)
audit-layout-instagram = انسٹاگرام ایکسپورٹ ("اپنی معلومات ڈاؤن لوڈ کریں")
audit-layout-facebook = فیس بک ایکسپورٹ ("اپنی معلومات ڈاؤن لوڈ کریں")
audit-layout-google-takeout = گوگل فوٹوز کا گوگل ٹیک آؤٹ
audit-layout-plain = تصویروں کا فولڈر یا ZIP
audit-counts = { $photos ->
    [one] ایک تصویر
   *[other] { $photos } تصویریں
}، { $videos ->
    [one] ایک ویڈیو
   *[other] { $videos } ویڈیوز
} (ویڈیوز کی فہرست دی جاتی ہے، ان کا تجزیہ نہیں ہوتا)
audit-people-heading = لوگ (وہ چہرے جنہیں پہچاننے والے نظام ایک ہی شخص سمجھتے ہیں):
audit-group = شخص { $id }: یہ چہرہ { $photos ->
    [one] ایک تصویر
   *[other] { $photos } تصویروں
} میں ہے، ان میں سے { $public } عوامی پوسٹس ہیں، { $swappable } چہرہ بدلنے کے لیے کافی صاف ہیں
audit-ranking-heading = وہ تصویریں جو کسی کو آپ تک پہنچنے یا آپ کا روپ دھارنے میں سب سے زیادہ مدد دیتی ہیں، سب سے خطرناک پہلے:
audit-skipped-heading = جو اندراجات پڑھے نہیں جا سکے:
audit-do-delete-post = یہ پوسٹ مٹا دیں: اس میں قابلِ استعمال چہرہ بھی ہے اور یہ بھی کہ اس شخص کو کہاں ڈھونڈا جائے۔
audit-do-replace-protected = اس کی جگہ محفوظ کی گئی نقل لگائیں (photoveil protect)۔
audit-do-clean-metadata = اس کی جگہ میٹا ڈیٹا کے بغیر نقل لگائیں، یا سروس میں رکھا گیا مقام ہٹا دیں۔
audit-do-nothing = کچھ کرنے کی ضرورت نہیں۔
audit-video-not-analysed = ویڈیو: اپنی پوسٹ اور تاریخ کے ساتھ فہرست میں ہے؛ اس کے مواد کا تجزیہ نہیں کیا جاتا۔
audit-group-name = اس کمپیوٹر پر رکھا گیا نام: { $name }
audit-named = شخص { $id } کا نام اب "{ $name }" ہے (صرف اس کمپیوٹر پر محفوظ؛ اگلی جانچ میں یہ شخص پہچانا جائے گا)۔
audit-no-such-person = اس ایکسپورٹ میں شخص { $id } نہیں ہے۔
audit-person-not-found = اس ایکسپورٹ میں "{ $name }" نام کا کوئی شخص نہیں پہچانا گیا۔
audit-name-empty = نام خالی نہیں ہو سکتا۔
audit-name-no-face = شخص { $id } کا کوئی چہرہ اتنا صاف نہیں کہ اسے دوبارہ پہچانا جا سکے۔
audit-reason-swappable-faces = { $count ->
    [one] ایک چہرہ
   *[other] { $count } چہرے
} چہرہ بدلنے کے لیے کافی صاف (سب سے بڑا { $side } px)
audit-reason-recurring-person = شخص { $id } اس ایکسپورٹ کی { $photos } تصویروں میں ہے
audit-reason-gps-in-photo = تصویر میں لکھا ہے کہ یہ کہاں کھینچی گئی (جی پی ایس)۔
audit-reason-gps-beside-photo = ایکسپورٹ تصویر کے ساتھ الگ سے رکھتا ہے کہ یہ کہاں کھینچی گئی (جی پی ایس)، چاہے تصویر میں خود یہ نہ ہو۔
audit-reason-tagged-place = ٹیگ کی گئی جگہ: { $name }
audit-reason-school-in-caption = کیپشن میں کسی اسکول یا بچوں کی جگہ کا نام ہے ("{ $word }")۔
audit-reason-place-in-caption = کیپشن میں کسی جگہ کا نام ہے ("{ $word }")۔
audit-reason-named-people = { $count ->
    [one] تصویر کے ساتھ ایک شخص کا نام لکھا ہے
   *[other] تصویر کے ساتھ { $count } لوگوں کے نام لکھے ہیں
}
audit-reason-revealing-metadata = مزید { $count } ظاہر کرنے والی میٹا ڈیٹا چیزیں (سیریل نمبر، نام، چھپی جھلکیاں)
audit-reason-public = سروس پر دوسرے لوگ اسے دیکھ سکتے ہیں۔

## photoveil clean (one line per photo: what was removed, kept and checked)
cli-clean-removed = { $count ->
    [one] ایک چیز ہٹائی گئی
   *[other] { $count } چیزیں ہٹائی گئیں
}
cli-clean-kept = رکھا گیا: { $list }
cli-clean-kept-orientation = رُخ { $value }
cli-clean-kept-icc-profile = رنگوں کی پروفائل
cli-clean-kept-colour-info = رنگوں کی ترتیب
cli-clean-kept-camera-details = کیمرے کا بنانے والا اور ماڈل، لینز کا ماڈل اور سیریل نمبر اور ناموں کے بغیر بنانے والے کے نوٹس (RAW کنورٹر کو تصویر بنانے کے لیے ان کی ضرورت ہوتی ہے)
cli-clean-lossless = تصویر معیار کھوئے بغیر دوبارہ لکھی گئی
cli-clean-verified = جانچ: { $check }
cli-clean-identical-data = تصویر کا ڈیٹا بالکل ایک جیسا
cli-clean-identical-pixels = پکسل بالکل ایک جیسے
cli-clean-residual = { $tag } ({ $value }) ہٹایا نہیں جا سکا

## photoveil verify (measured by a network not used to make the protection)
cli-verify-summary = { $protected } کا اصل { $original } سے موازنہ: PSNR { $psnr }، { $count ->
    [one] ایک چہرہ
   *[other] { $count } چہرے
}
cli-verify-face = چہرہ { $x },{ $y } پر: { $network } کے مطابق مشابہت ابھی { $now }، اپ لوڈ کے بعد { $upload } (حفاظت سے پہلے: { $before }؛ { $threshold } سے نیچے محفوظ): { $verdict }
cli-verify-not-recognised = نہیں پہچانا گیا
cli-verify-recognised = پہچان لیا گیا
cli-verify-not-confirmed = تصدیق نہیں ہوئی
cli-verify-not-measured = ناپا نہیں جا سکا

## photoveil protect (one line per photo, then one per face, measured after a simulated upload)
cli-protect-summary = چھپی معلومات ہٹا دی گئیں، { $count ->
    [one] ایک چہرہ
   *[other] { $count } چہرے
}، PSNR { $psnr }، { $seconds } سیکنڈ
cli-protect-face = چہرہ { $x },{ $y } پر ({ $width }x{ $height } px) { $action }: { $network } کے مطابق مشابہت پہلے { $before }، اپ لوڈ کے بعد { $upload } ({ $threshold } سے نیچے محفوظ): { $verdict }
cli-protect-cloaked = پردہ ڈالا گیا
cli-protect-blurred = دھندلا کیا گیا
cli-protect-left = ویسے ہی چھوڑا گیا
cli-protect-side-view = ویسے ہی چھوڑا گیا: چہرہ ایک طرف مڑا ہوا ہے
cli-protect-not-recognised = اپ لوڈ کے بعد نہیں پہچانا گیا
cli-protect-still-recognised = اپ لوڈ کے بعد بھی پہچان لیا گیا
cli-protect-not-confirmed = اپ لوڈ کے بعد تصدیق نہیں ہوئی ({ $odds ->
    [most] ایسے زیادہ تر چہرے اب نہیں پہچانے گئے، مگر سب نہیں
   *[few] ایسے ہر چار میں سے صرف تقریباً ایک چہرہ اب نہیں پہچانا گیا
  })
cli-protect-cloaked-at = درجہ { $level } پر پردہ ڈالا گیا
cli-level-subtle = ہلکا
cli-level-standard = معیاری
cli-level-strong = مضبوط
cli-protect-face-change = چہرے پر تبدیلی: ساخت { $ssim } برقرار (1 = کوئی تبدیلی نہیں)، رنگ کا فرق اوسطاً { $mean } اور سب سے زیادہ جگہوں پر { $p99 } (CIEDE2000؛ ساتھ ساتھ رکھ کر انسان کو دکھنے والا سب سے چھوٹا فرق تقریباً 1 ہے)
cli-protect-try-blur = اجازت شدہ سب سے اونچے درجے تک بھی یہ چہرہ محفوظ نہ ہو سکا: اسے دھندلا کریں (--blur-faces) یا یہ تصویر پوسٹ نہ کریں۔
cli-protect-side-view-why = حفاظت صرف سامنے سے دکھنے والے چہروں پر کام کرتی ہے: اس چہرے پر یہ شخص کو چھپائے بغیر صرف تصویر خراب کرتی۔ اگر اس شخص کو پہچانا نہیں جانا چاہیے تو اسے دھندلا کریں (--blur-faces)۔

## The core's errors, as the app shows them (the command line keeps the core's English)
error-read = فائل پڑھی نہیں جا سکتی: { $why }
error-empty = فائل خالی ہے
error-file-too-large = فائل { $size } کی ہے، جو PhotoVeil کی حد { $limit } سے زیادہ ہے
error-not-an-image = یہ ایسی تصویر نہیں جو PhotoVeil کھول سکے: اس کے اندر JPEG، PNG، WebP، TIFF، HEIF، AVIF، GIF، BMP، JPEG XL، JPEG 2000 یا فوٹوشاپ (PSD) نہیں ہے
error-corrupt = { $format } فائل خراب ہے: { $detail }
error-too-many-pixels = تصویر { $width } × { $height } پکسل کی ہے، محفوظ طریقے سے کھولنے کے لیے بہت بڑی
error-decode = تصویر کھولی نہیں جا سکتی: { $detail }
error-unsupported-cleaning-raw = DNG کے سوا کیمرے کی RAW فائلیں جانچی جا سکتی ہیں مگر صاف نہیں کی جا سکتیں: کیمرا بنانے والے کا وہ اپنا حصہ جس کی RAW کنورٹر کو ضرورت ہے، کیمرے کا سیریل نمبر بھی رکھتا ہے ({ $format })
error-unsupported-decoding = { $format } تصویریں یہاں دکھانے یا محفوظ کرنے کے لیے کھولی نہیں جا سکتیں
error-unsupported-protecting = { $format } فائلوں میں چہرے محفوظ نہیں کیے جا سکتے؛ کاپی صرف صاف کی جا سکتی ہے
error-raw-serial-decrypts-colour = { $family } کیمرے کی RAW فائلیں صاف نہیں کی جاتیں: RAW کنورٹر رنگوں کا توازن کیمرے کے سیریل نمبر اور شٹر کی گنتی سے کھولتے ہیں، اس لیے انہیں مٹانے سے تصویر خراب ہو جائے گی
error-raw-serial-enciphered = { $family } کیمرے کی RAW فائلیں صاف نہیں کی جاتیں: سیریل نمبر بنانے والے کے خفیہ کیے ہوئے حصوں کے اندر ہے جن کی ترتیب ہر ماڈل میں بدلتی ہے، اس لیے اسے محفوظ طریقے سے نہیں مٹایا جا سکتا
error-raw-maker-note-not-handled = { $family } کیمرے کی RAW فائلیں صاف نہیں کی جاتیں: بنانے والے کا وہ اپنا حصہ جس کی RAW کنورٹر کو ضرورت ہے، سیریل نمبر بھی رکھتا ہے، ایسی ترتیب میں جسے PhotoVeil ابھی اپنی جگہ پر نہیں مٹاتا
error-raw-container-not-read = { $family } کیمرے کی RAW فائلیں پہچانی جاتی ہیں مگر جانچی یا صاف نہیں کی جاتیں: ان کی معلومات بنانے والے کے اپنے خانے میں ہیں جسے PhotoVeil ابھی نہیں پڑھتا
error-write = { $file } لکھی نہیں جا سکتی: { $why }
error-verification = کاپی آخری جانچ میں پوری نہیں اتری اور رکھی نہیں گئی: { $detail }
error-encode = تصویر محفوظ نہیں کی جا سکتی: { $detail }
error-model = چہرے کے ماڈل استعمال نہیں ہو سکے: { $detail }
error-cancelled = یہ تصویر مکمل ہونے سے پہلے روک دیا گیا
mismatch-does-not-read-back = کاپی دوبارہ پڑھی نہیں جا سکی ({ $why })
mismatch-different-format = کاپی کا فارمیٹ اصل سے مختلف ہے
mismatch-lost-orientation = کاپی میں تصویر کا رخ ضائع ہو گیا
mismatch-picture-data-changed = تصویر کا ڈیٹا بدل گیا
mismatch-does-not-decode = کاپی کی تصویر کھولی نہیں جا سکی ({ $why })
mismatch-pixels-differ = پکسل اصل سے مختلف ہیں
mismatch-metadata-left = کاپی میں ابھی بھی { $items } نجی معلومات باقی ہیں
io-not-found = فائل یا فولڈر اب وہاں نہیں ہے
io-permission-denied = اجازت نہیں ہے
io-storage-full = ڈسک بھر گئی ہے
io-read-only = ڈسک صرف پڑھنے کے لیے ہے
io-already-exists = اس نام کی فائل پہلے سے موجود ہے
io-cut-short = فائل وقت سے پہلے ختم ہو جاتی ہے
io-is-a-folder = یہ فائل نہیں، فولڈر ہے
io-bad-name = نام بہت لمبا ہے یا اس میں ایسا حرف ہے جس کی سسٹم اجازت نہیں دیتا؛ فائل یا فولڈر کا نام چھوٹا کریں، یا اسے چھوٹے راستے والے فولڈر میں لے جائیں
io-in-use = کوئی اور پروگرام یہ فائل استعمال کر رہا ہے؛ اسے وہاں بند کر کے دوبارہ کوشش کریں
io-no-drive = اس حرف کی کوئی ڈرائیو نہیں ہے
io-drive-not-ready = ڈرائیو تیار نہیں ہے (کیا میموری کارڈ یا ڈسک اندر ہے؟)
io-network = نیٹ ورک فولڈر تک نہیں پہنچا جا سکتا؛ کنکشن اور فولڈر کا نام دیکھیں

## What the photo being protected is going through (export screen)
gui-stage-reading = تصویر کھولی جا رہی ہے…
gui-stage-finding-faces = چہرے تلاش کیے جا رہے ہیں…
gui-stage-cloaking = { $faces } میں سے چہرہ نمبر { $face } محفوظ کیا جا رہا ہے: { $percent }٪
gui-stage-blurring = { $faces } میں سے چہرہ نمبر { $face } دھندلا کیا جا رہا ہے…
gui-stage-encoding = کاپی محفوظ کی جا رہی ہے…
gui-stage-verifying = کاپی جانچی جا رہی ہے: میٹا ڈیٹا، معیار، اور اپ لوڈ کی نقل کے بعد ہر چہرہ…

## Paths the user gave that could not be listed (scan screen)
walk-not-a-file-or-folder = یہ عام فائل یا فولڈر نہیں ہے
walk-link-loop = ایسا شارٹ کٹ (سمبولک لنک) جو اپنے ہی فولڈر میں واپس لے جاتا ہے؛ چھوڑ دیا گیا

## photoveil protect and the app's export: photos in which no face was changed (issue 26)
cli-protect-cleaned = بدلنے کو کوئی چہرہ نہیں: دوبارہ انکوڈ کیے بغیر صاف کیا گیا، تصویر کا ڈیٹا ہو بہو وہی ہے
cli-protect-faces-not-looked-for = چہرے تلاش نہیں کیے جا سکے (یہ تصویر یہاں کھولی نہیں جا سکتی): صرف چھپی معلومات ہٹائی گئیں، اور اگر اس میں کوئی چہرہ ہے تو وہ ویسے ہی ہے
gui-export-photo-cleaned = بدلنے کو کوئی چہرہ نہیں: چھپی معلومات ہٹا دی گئیں، تصویر خود وہی ہے

## Progress and stopping of an audit (command line and app), and why an audit or its saves failed
audit-progress-reading = ایکسپورٹ کی اپنی فائلیں پڑھی جا رہی ہیں: { $total } میں سے { $read }
audit-progress-analysing = { $total } تصاویر اور ویڈیوز میں سے { $done } جانچی جا چکی ہیں
audit-progress-grouping = چہروں کو افراد کے لحاظ سے الگ الگ کیا جا رہا ہے…
gui-audit-stop = روکیں
gui-audit-stopped = جانچ روک دی گئی۔ اس کا کچھ بھی محفوظ نہیں رکھا گیا؛ آپ اسے دوبارہ شروع کر سکتے ہیں۔
gui-audit-again = دوبارہ جانچیں
gui-audit-error-not-zip = یہ فائل پڑھنے کے قابل ZIP آرکائیو نہیں ہے (خراب یا ادھوری ڈاؤن لوڈ؟)
gui-audit-error-too-many = اس میں { $entries } اندراجات ہیں، جو PhotoVeil کی پڑھنے کی حد { $limit } سے زیادہ ہیں
gui-audit-error-worker = کام غیر متوقع طور پر رک گیا
gui-audit-error-no-data-folder = اس صارف کا کوئی ڈیٹا فولڈر نہیں جس میں نام رکھے جا سکیں
gui-audit-error-scratch = عارضی فولڈر ({ $folder }) استعمال نہیں ہو سکا: { $why }
gui-audit-error-missing = یہ تصویر اب ایکسپورٹ میں موجود نہیں ہے
gui-audit-error-entry = ایکسپورٹ سے تصویر پڑھی نہیں جا سکی: { $why }
gui-audit-name-failed = نام محفوظ نہیں ہو سکا: { $why }
gui-audit-replace-error = محفوظ کاپیاں نہیں بن سکیں: { $why }

# New formats (GIF, BMP, JPEG XL, JPEG 2000)
error-animation-too-large = اینیمیشن اتنی بڑی ہے کہ اسے محفوظ طریقے سے جانچا نہیں جا سکتا: PhotoVeil نے { $frames } فریم ({ $megapixels } میگا پکسل) پڑھ کر روک دیا
cli-clean-unchanged = ہٹانے کو کچھ نہیں: نقل اصل فائل ہی ہے، بائٹ بہ بائٹ

# What a face-swap tool takes from a photo (review)
gui-review-swap-crop = چہرہ بدلنے والا ٹول یہ مربع کاٹ کر استعمال کرتا ہے۔

# The summary after a batch of copies (clean, protect, the app's export)
cli-summary-title = خلاصہ
cli-summary-written = { $count ->
    [one] 1 نقل { $folder } میں محفوظ کی گئی۔
   *[other] { $count } نقلیں { $folder } میں محفوظ کی گئیں۔
}
cli-summary-none-written = کوئی نقل محفوظ نہیں کی گئی۔
cli-summary-removed = ہٹایا گیا: { $list }
cli-summary-removed-kind = { $kind } ({ $count } چیزیں)
cli-summary-removed-nothing = کچھ ہٹانا نہیں پڑا: تصاویر میں کوئی چھپی ہوئی معلومات نہیں تھیں۔
cli-summary-faces-verified = { $count ->
    [one] 1 چہرہ محفوظ اور جانچا گیا: فرضی اپ لوڈ کے بعد اب پہچانا نہیں جاتا۔
   *[other] { $count } چہرے محفوظ اور جانچے گئے: فرضی اپ لوڈ کے بعد اب پہچانے نہیں جاتے۔
}
cli-summary-faces-blurred = { $count ->
    [one] 1 چہرہ دھندلا کیا گیا۔
   *[other] { $count } چہرے دھندلے کیے گئے۔
}
cli-summary-faces-left = { $count ->
    [one] 1 چہرہ جیسا تھا ویسا چھوڑ دیا گیا۔
   *[other] { $count } چہرے جیسے تھے ویسے چھوڑ دیے گئے۔
}
cli-summary-face-not-verified = { $file }، چہرہ { $face }: { $level } سطح پر بھی اب تک پہچانا جاتا ہے۔ { $todo }
cli-summary-face-not-confirmed = { $file }، چہرہ { $face }: { $level } سطح پر حفاظت کی تصدیق نہیں ہوئی ({ $odds ->
    [most] ایسے زیادہ تر چہرے اب نہیں پہچانے گئے، مگر سب نہیں
   *[few] ایسے ہر چار میں سے صرف تقریباً ایک چہرہ اب نہیں پہچانا گیا
  })۔ { $todo }
cli-summary-face-not-measured = { $file }، چہرہ { $face }: جانچا نہیں جا سکا (کنارے کے بہت قریب)۔ { $todo }
cli-summary-face-side-view = { $file }، چہرہ { $face }: ایک طرف مڑا ہوا ہے، ویسے ہی چھوڑ دیا گیا (حفاظت صرف سامنے سے دکھنے والے چہروں پر کام کرتی ہے)۔ اگر اس شخص کو پہچانا نہیں جانا چاہیے تو اسے دھندلا کریں۔
cli-summary-todo-blur = اس چہرے کو دھندلا کریں، یا یہ تصویر پوسٹ نہ کریں۔
cli-summary-todo-stronger = اسے سب سے مضبوط سطح پر دوبارہ محفوظ کریں، یا دھندلا کریں۔
cli-summary-residual = نقل میں اب بھی { $count } میٹا ڈیٹا چیزیں باقی تھیں
cli-summary-failed = نہیں ہوا: { $file }: { $why }

# Classroom mode (issue 24): full screen cards for a class, then the sample photos
gui-classroom-title = کلاس روم موڈ
gui-classroom-count = کارڈ { $n } از { $total }
gui-classroom-previous = پیچھے
gui-classroom-next = آگے
gui-classroom-leave = باہر نکلیں (Esc)
gui-classroom-keys = تیر والی کیز یا اسپیس: آگے پیچھے · Esc: باہر
gui-presenting-leave = پوری اسکرین سے باہر نکلیں (Esc)
gui-classroom-intro-title = پوسٹ کی گئی تصویروں کے ساتھ کیا ہو سکتا ہے؟
gui-classroom-intro-body = آن لائن تصویر کو ہر دیکھنے والا محفوظ کر سکتا ہے۔ چند منٹ اس بارے میں کہ کچھ لوگ ایسی تصویروں کے ساتھ کیا کرتے ہیں، اور PhotoVeil اس کے لیے کیا کرتا ہے۔
gui-classroom-collect-title = وہ ایک شخص کی تصویریں جمع کرتے ہیں
gui-classroom-collect-body = بدسلوکی کرنے والے گروہ نوجوانوں کی تصویریں ڈھونڈتے ہیں۔ وہ ایک ہی شخص کی کئی تصویریں محفوظ کرتے ہیں، اور نام، اسکول اور شہر لکھ لیتے ہیں جو پوسٹیں، ان کے الفاظ اور خود تصویریں بتا دیتی ہیں۔
gui-classroom-fake-title = وہ جعلی تصویریں بناتے ہیں
gui-classroom-fake-body = چہرہ بدلنے والی اور "کپڑے اتارنے" والی ایپس سے وہ وہ چہرہ جعلی جنسی تصویروں میں لگا دیتے ہیں، پھر انہیں شرمندہ کرنے، دھمکانے یا بلیک میل کرنے کے لیے استعمال کرتے ہیں۔ تصویریں جعلی ہیں، نقصان اصلی ہے۔ یہ کبھی بھی تصویر والے شخص کا قصور نہیں۔ ایسا ہو تو کسی بھروسے کے بڑے کو بتائیں اور رپورٹ کریں۔
gui-classroom-scan-title = جانچ: دیکھیں کہ تصویر کیا بتاتی ہے
gui-classroom-scan-body = PhotoVeil دکھاتا ہے کہ تصویر کیا بتا دیتی ہے: کہاں لی گئی، کس فون سے، کب، اور کون سے چہرے چہرہ بدلنے والی ایپ کے لیے کافی صاف ہیں۔ سب کچھ اسی کمپیوٹر پر رہتا ہے۔
gui-classroom-clean-title = صفائی: چھپی ہوئی معلومات ہٹائیں
gui-classroom-clean-body = تصویروں میں چھپی ہوئی معلومات ہوتی ہیں، جیسے آپ کے گھر یا اسکول کا GPS مقام۔ صفائی اس کے بغیر ایک نقل بناتی ہے۔ تصویر بالکل ویسی ہی رہتی ہے۔
gui-classroom-protect-title = تحفظ: ایسے چہرے جنہیں مشینیں نہیں پہچانتیں
gui-classroom-protect-body = تحفظ چہرے کو بہت تھوڑا سا بدلتا ہے، تاکہ چہرہ پہچاننے اور چہرہ بدلنے والے پروگرام اس شخص کو نہ پہچانیں، جبکہ لوگ اب بھی پہچانیں۔ PhotoVeil فرضی اپ لوڈ کے بعد ہر چہرہ جانچتا ہے اور نتیجہ بتاتا ہے۔ یہ غلط استعمال کو مشکل اور مہنگا بناتا ہے؛ یہ کوئی ضمانت نہیں۔
gui-classroom-blur-title = دھندلا: بچے کے چہرے کے لیے
gui-classroom-blur-body = چھوٹے بچے کے چہرے کے لیے، یا کسی بھی ایسے چہرے کے لیے جسے کوئی نہ پہچانے، دھندلا کرنا چنیں۔ دھندلا چہرہ چہرہ بدلنے والی ایپ کے کسی کام کا نہیں۔
gui-classroom-audit-title = جائزہ: جو پہلے سے آن لائن ہے اسے دیکھیں
gui-classroom-audit-body = انسٹاگرام، فیس بک اور گوگل آپ کو اپنا اکاؤنٹ ڈاؤن لوڈ کرنے دیتے ہیں۔ PhotoVeil یہ ڈاؤن لوڈ اسی کمپیوٹر پر پڑھتا ہے، سب سے زیادہ بتانے والی پوسٹیں ڈھونڈتا ہے، اور ہر ایک کے بارے میں بتاتا ہے کہ کیا کریں۔
gui-classroom-try-title = آئیے آزمائیں
gui-classroom-try-body = مل کر چند نمونے کی تصویریں کھولیں: عوامی تصویریں جن میں چھپی معلومات فرضی ہیں، تاکہ کسی کی اپنی تصویر نہ دکھائی جائے۔
gui-settings-classroom = کلاس روم
gui-settings-classroom-toggle = کلاس روم موڈ (F11)
gui-settings-classroom-explain = پوری اسکرین، بڑا متن اور تیز کنٹراسٹ: چند کارڈ جو کلاس کو سمجھاتے ہیں کہ پوسٹ کی گئی تصویروں کے ساتھ کیا ہوتا ہے، پھر نمونے کی تصویریں۔ تیر والی کیز یا اسپیس سے آگے بڑھیں؛ Esc سے باہر نکلیں۔

# After protection: what a face-swap tool takes from the safe copy after a simulated upload
gui-protect-swap-title = چہرہ بدلنے والا ٹول کیا لیتا ہے
gui-protect-swap-explain = وہ مربع جو چہرہ بدلنے والا ٹول کاٹتا ہے: اصل سے، اور فرضی اپ لوڈ کے بعد محفوظ نقل سے (چھوٹا اور کمپریس کیا گیا، جیسے سوشل نیٹ ورک کرتے ہیں)۔ جانچ اسی نقل پر ناپی گئی ہے۔
gui-protect-uploaded = اپ لوڈ شدہ محفوظ نقل
