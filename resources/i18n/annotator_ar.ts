<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar">
<context>
    <name>AgreementDashboard</name>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="82"/>
        <source>Agreement — %1</source>
        <translation>الاتفاق — %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="86"/>
        <source>F1, exact spans</source>
        <translation>F1، المقاطع المتطابقة تمامًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="86"/>
        <source>F1, overlapping spans</source>
        <translation>F1، المقاطع المتداخلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="86"/>
        <location filename="../../annotator/ui/review/dashboard.py" line="97"/>
        <source>Cohen&apos;s κ</source>
        <translation>كابا كوهين κ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="90"/>
        <source>Computing agreement…</source>
        <translation>جارٍ حساب الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="92"/>
        <source>Label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="92"/>
        <location filename="../../annotator/ui/review/dashboard.py" line="107"/>
        <source>F1 exact</source>
        <translation>F1 التام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="92"/>
        <location filename="../../annotator/ui/review/dashboard.py" line="107"/>
        <source>α_U</source>
        <translation>α_U</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="107"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="108"/>
        <source>Double-click a document to review it</source>
        <translation>انقر مرتين على مستند لمراجعته</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="162"/>
        <source>Matrix:</source>
        <translation>المصفوفة:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="172"/>
        <source>Documents, lowest agreement first</source>
        <translation>المستندات، الأقل اتفاقًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="187"/>
        <source>Documents compared: %1 · F1 exact %2 · α %3 · α_U %4</source>
        <translation>المستندات المقارنة: %1 · F1 التام %2 · α %3 · α_U %4</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="95"/>
        <source>Layer</source>
        <translation>الطبقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="96"/>
        <source>Token units</source>
        <translation>وحدات الرموز</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="98"/>
        <source>Fleiss&apos;s κ</source>
        <translation>كابا فلايس κ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="99"/>
        <source>Krippendorff&apos;s α</source>
        <translation>ألفا كريبندورف α</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="104"/>
        <source>A layer counts in a document only where an annotator taking part has a span of it</source>
        <translation>لا تُحسب الطبقة في مستند إلا إذا كان لأحد الموسِّمين المشاركين فيه مقطع منها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="233"/>
        <source>Entities</source>
        <translation>الكيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="234"/>
        <source>Claims</source>
        <translation>الادعاءات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="235"/>
        <source>Quotes</source>
        <translation>الاقتباسات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/dashboard.py" line="243"/>
        <source>All layers</source>
        <translation>كل الطبقات</translation>
    </message>
</context>
<context>
    <name>CoreErrors</name>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="24"/>
        <source>already exists; choose another name or open it</source>
        <translation>موجود من قبل؛ اختر اسمًا آخر أو افتحه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="27"/>
        <source>no such project file</source>
        <translation>لا يوجد ملف مشروع بهذا الاسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="28"/>
        <source>is a folder, not a project file</source>
        <translation>مجلد وليس ملف مشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="31"/>
        <source>cannot be read (Permission denied)</source>
        <translation>تتعذّر قراءته (لا إذن بذلك)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="34"/>
        <source>is an SQLite database but not an annotator project</source>
        <translation>قاعدة بيانات SQLite لكنها ليست مشروع annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="37"/>
        <source>is damaged and cannot be opened (%1)</source>
        <translation>تالف ولا يمكن فتحه (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="41"/>
        <source>cannot be opened: the disk is full (the project is not damaged; free some space and open it again)</source>
        <translation>لا يمكن فتحه: القرص ممتلئ (المشروع سليم؛ أفرغ بعض المساحة وافتحه من جديد)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="46"/>
        <source>cannot be made (%1)</source>
        <translation>يتعذّر إنشاؤه (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="47"/>
        <source>the disk is full: no project was made</source>
        <translation>امتلأ القرص: لم يُنشأ أي مشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="51"/>
        <source>is open read-only; nothing can be changed</source>
        <translation>مفتوح للقراءة فقط؛ لا يمكن تغيير شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="55"/>
        <source>is busy: another program has been writing to it for %1 seconds; the change was not saved, try again</source>
        <translation>مشغول: برنامج آخر يكتب فيه منذ %1 ثانية؛ لم يُحفظ التغيير، حاول مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="60"/>
        <source>the disk is full: the change was not saved</source>
        <translation>امتلأ القرص: لم يُحفظ التغيير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="63"/>
        <source>cannot be written: the change was not saved</source>
        <translation>تتعذّر الكتابة فيه: لم يُحفظ التغيير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="67"/>
        <source>span %1-%2 was not added to document %3: the project changed meanwhile; try again</source>
        <translation>لم يُضف المقطع %1-%2 إلى المستند %3: تغيّر المشروع في أثناء ذلك؛ حاول مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="72"/>
        <source>the span %1 (%2) is no longer there: another person or program deleted it; nothing was changed</source>
        <translation>المقطع %1 (%2) لم يعد موجودًا: حذفه شخص آخر أو برنامج آخر؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="77"/>
        <source>the span %1 was changed by another program</source>
        <translation>غيّر برنامج آخر المقطع %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="81"/>
        <source>no annotation with id %1 (another person or program may have deleted it)</source>
        <translation>لا يوجد توسيم معرّفه %1 (ربما حذفه شخص آخر أو برنامج آخر)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="85"/>
        <source>a span cannot be related to itself</source>
        <translation>لا يُربط المقطع بنفسه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="88"/>
        <source>a relation links two spans of one annotator in one document</source>
        <translation>العلاقة تربط مقطعين لموسِّم واحد في مستند واحد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="91"/>
        <source>these spans are already linked by %1</source>
        <translation>هذان المقطعان مربوطان من قبل بعلاقة %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="94"/>
        <source>unknown relation type %1</source>
        <translation>نوع علاقة غير معروف: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="98"/>
        <source>the new schema drops labels that annotations use: %1</source>
        <translation>المخطط الجديد يحذف وسومًا تستعملها توسيمات: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="101"/>
        <source>invalid label name %1</source>
        <translation>اسم وسم غير صالح: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="103"/>
        <source>unknown label: %1</source>
        <translation>وسم غير معروف: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="107"/>
        <source>unknown label %1</source>
        <translation>وسم غير معروف: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="108"/>
        <source>there is already a label named %1</source>
        <translation>يوجد من قبل وسم اسمه %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="112"/>
        <source>no spans to learn from yet: annotate, or mark documents done</source>
        <translation>لا مقاطع يُتعلَّم منها بعد: وسِّم، أو علِّم مستندات منجزة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="116"/>
        <source>no such file</source>
        <translation>لا يوجد ملف بهذا الاسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="117"/>
        <source>no such file or folder</source>
        <translation>لا يوجد ملف أو مجلد بهذا الاسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="120"/>
        <source>is empty</source>
        <translation>فارغ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="121"/>
        <source>cannot be read (%1)</source>
        <translation>تتعذّر قراءته (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="122"/>
        <source>is a binary file, not text (it contains NUL bytes)</source>
        <translation>ملف ثنائي وليس نصًّا (فيه بايتات NUL)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="126"/>
        <source>is not UTF-8 (bad byte at offset %1), nor UTF-16 with a BOM, nor Arabic Windows-1256 text</source>
        <translation>ليس نصًّا بترميز UTF-8 (بايت غير صالح عند الموضع %1)، ولا UTF-16 بعلامة BOM، ولا Windows-1256 العربي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="132"/>
        <source>malformed JSON (%1 at column %2)</source>
        <translation>JSON غير سليم (%1 عند العمود %2)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="136"/>
        <source>malformed JSON (%1)</source>
        <translation>JSON غير سليم (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="137"/>
        <source>holds no documents</source>
        <translation>لا يحوي أي مستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="138"/>
        <source>each line must be a JSON object</source>
        <translation>يجب أن يكون كل سطر كائن JSON</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="141"/>
        <source>&quot;text&quot; must be a non-empty string</source>
        <translation>يجب أن يكون &quot;text&quot; نصًّا غير فارغ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="145"/>
        <source>%1: offsets %2-%3 are out of range for a text of %4 characters (start must be before end)</source>
        <translation>%1: الموضعان %2-%3 خارج النطاق لنص من %4 محرفًا (يجب أن تسبق البدايةُ النهاية)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="150"/>
        <source>%1: text %2 does not match %3 at %4-%5</source>
        <translation>%1: النص %2 لا يطابق %3 عند %4-%5</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="154"/>
        <source>%1 is out of range for a text of %2 characters (start must be before end)</source>
        <translation>%1 خارج النطاق لنص من %2 محرفًا (يجب أن تسبق البدايةُ النهاية)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="159"/>
        <source>span %1 at %2-%3: the file says %4 but the text has %5</source>
        <translation>المقطع %1 عند %2-%3: يقول الملف %4 لكن النص فيه %5</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="162"/>
        <source>span %1 at %2-%3 has no label</source>
        <translation>المقطع %1 عند %2-%3 بلا وسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="166"/>
        <source>%1 has no label</source>
        <translation>%1 بلا وسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="168"/>
        <source>document %1 has %2 characters; annotator takes articles of up to %3 (split the text into parts)</source>
        <translation>في المستند %1 عدد %2 من المحارف؛ وannotator يقبل مقالات حتى %3 محرف (قسّم النص أجزاءً)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="174"/>
        <source>the disk is full: nothing was written</source>
        <translation>امتلأ القرص: لم يُكتب شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="177"/>
        <source>the disk is full: no copy was made</source>
        <translation>امتلأ القرص: لم تُصنع أي نسخة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="180"/>
        <source>cannot be written (%1)</source>
        <translation>تتعذّر الكتابة فيه (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="183"/>
        <source>cannot be written: permission denied</source>
        <translation>تتعذّر الكتابة فيه: لا إذن بذلك</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="186"/>
        <source>cannot be written: the file system is read-only</source>
        <translation>تتعذّر الكتابة فيه: نظام الملفات للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="189"/>
        <source>the file name is too long for the file system</source>
        <translation>اسم الملف أطول مما يقبله نظام الملفات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="192"/>
        <source>is a folder; give the name of a file to write</source>
        <translation>مجلد؛ اذكر اسم ملف للكتابة فيه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="195"/>
        <source>the folder to write into does not exist</source>
        <translation>المجلد المراد الكتابة فيه غير موجود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="198"/>
        <source>is a symbolic link; annotator does not write through links</source>
        <translation>رابط رمزي؛ لا يكتب annotator عبر الروابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="201"/>
        <source>already exists; it is not replaced</source>
        <translation>موجود من قبل؛ لن يُستبدل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="204"/>
        <source>is a file; this format writes a folder of files</source>
        <translation>ملف؛ وهذه الصيغة تكتب مجلدًا من الملفات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="208"/>
        <source>is not an annotator project (not an SQLite file)</source>
        <translation>ليس مشروع annotator (ليس ملف SQLite)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="216"/>
        <source>was made by a newer version of annotator (schema %1, this version reads up to %2); upgrade annotator to open it</source>
        <translation>أُنشئ بإصدار أحدث من annotator (إصدار قاعدة البيانات %1، وهذا الإصدار يقرأ حتى %2)؛ حدِّث annotator لفتحه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="224"/>
        <source>could not be upgraded from schema %1 (%2); the file is unchanged</source>
        <translation>تعذّرت ترقيته من إصدار قاعدة البيانات %1 (%2)؛ لم يتغيّر الملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="228"/>
        <source>needs upgrading from schema %1 but is read-only</source>
        <translation>يحتاج إلى ترقية من إصدار قاعدة البيانات %1 لكنه للقراءة فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="235"/>
        <source>is damaged (%1); `annotator check` lists what is wrong, `annotator backup --restore` brings back a copy</source>
        <translation>تالف (%1)؛ الأمر `annotator check` يسرد مواضع الخلل، والأمر `annotator backup --restore` يعيد نسخة منه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="240"/>
        <source>is damaged: it has no table %1</source>
        <translation>تالف: ليس فيه الجدول %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="244"/>
        <source>is damaged: its table %1 has no column %2</source>
        <translation>تالف: ليس في جدوله %1 العمود %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="248"/>
        <source>is a backup of another project, not of %1; nothing changed</source>
        <translation>نسخة احتياطية لمشروع آخر، لا للمشروع %1؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="252"/>
        <source>could not be restored (%1)</source>
        <translation>تعذّرت استعادته (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="260"/>
        <source>its identity %1 (project_id in its meta table) is not one annotator makes: another program changed it; no backup is taken</source>
        <translation>هويته %1 (project_id في جدول meta) ليست مما يصنعه annotator: غيّرها برنامج آخر؛ لم تُؤخذ نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="271"/>
        <source>holds a trigger or view that another program added, which SQLite refused to run (%1); the change was not saved</source>
        <translation>فيه مُشغِّل (trigger) أو عرض (view) أضافه برنامج آخر ورفض SQLite تشغيله (%1)؛ لم يُحفظ التغيير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="277"/>
        <source>no document with id %1</source>
        <translation>لا مستند بالمعرِّف %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="281"/>
        <source>span %1-%2 is outside the document (length %3)</source>
        <translation>المقطع %1-%2 خارج المستند (طوله %3)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="285"/>
        <source>no relation with id %1</source>
        <translation>لا علاقة بالمعرِّف %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="289"/>
        <source>invalid annotator name %1</source>
        <translation>اسم موسِّم غير صالح %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="294"/>
        <source>a schema is a JSON object with a &quot;labels&quot; list</source>
        <translation>المخطط كائن JSON فيه قائمة &quot;labels&quot;</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="298"/>
        <source>label %1 has no name</source>
        <translation>الوسم %1 بلا اسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="302"/>
        <source>label %1: kind must be entity, claim or quote, not %2</source>
        <translation>الوسم %1: نوعه يجب أن يكون entity أو claim أو quote، لا %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="306"/>
        <source>label %1: each attribute needs a name</source>
        <translation>الوسم %1: كل سمة تحتاج إلى اسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="310"/>
        <source>label %1 is defined twice</source>
        <translation>الوسم %1 معرَّف مرتين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="314"/>
        <source>&quot;relation_types&quot; must be a list</source>
        <translation>يجب أن تكون &quot;relation_types&quot; قائمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="318"/>
        <source>relation type %1 is malformed</source>
        <translation>نوع العلاقة %1 غير سليم البنية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="326"/>
        <source>the model knows none of the project&apos;s labels (it knows %1); it was trained on another schema</source>
        <translation>النموذج لا يعرف أيًّا من وسوم المشروع (يعرف %1)؛ دُرِّب على مخطط آخر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="331"/>
        <source>train from the gold layer or from annotators, not both</source>
        <translation>درِّب من طبقة gold أو من الموسِّمين، لا من كليهما</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="338"/>
        <source>the project is blind: %1 sees only their own work, not %2; a curator measures the agreement</source>
        <translation>التوسيم في المشروع معمّى: يرى %1 عمله وحده، لا %2؛ المراجِع هو من يقيس الاتفاق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="343"/>
        <source>the project is blind: %1 sees only their own work, not %2</source>
        <translation>التوسيم في المشروع معمّى: يرى %1 عمله وحده، لا %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="347"/>
        <source>no annotator named %1 in the project</source>
        <translation>لا موسِّم باسم %1 في المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="351"/>
        <source>no label named %1 in the schema</source>
        <translation>لا وسم باسم %1 في المخطط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="355"/>
        <source>no document named %1 in the project</source>
        <translation>لا مستند باسم %1 في المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="360"/>
        <source>cannot read the model: %1</source>
        <translation>تتعذّر قراءة النموذج: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="364"/>
        <source>not a valid model file: %1</source>
        <translation>ليس ملف نموذج صالحًا: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="368"/>
        <source>model.json is not UTF-8 text (%1)</source>
        <translation>الملف model.json ليس نصًّا بترميز UTF-8 (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="372"/>
        <source>not a model made by `annotator learn`</source>
        <translation>ليس نموذجًا صنعه الأمر `annotator learn`</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="376"/>
        <source>a model of an earlier annotator: train it again</source>
        <translation>نموذج من إصدار أقدم من annotator: درِّبه من جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="380"/>
        <source>model version %1 is not known</source>
        <translation>إصدار النموذج %1 غير معروف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="384"/>
        <source>the model lacks %1</source>
        <translation>ينقص النموذجَ %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="388"/>
        <source>%1 in the model is too large (%2 bytes)</source>
        <translation>%1 في النموذج كبير جدًا (%2 بايت)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="392"/>
        <source>%1 in the model is encrypted</source>
        <translation>%1 في النموذج مشفَّر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="398"/>
        <source>%1 in the model is compressed in a way annotator cannot read</source>
        <translation>%1 في النموذج مضغوط بطريقة لا يقرؤها annotator</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="402"/>
        <source>the model&apos;s weights are damaged (%1)</source>
        <translation>أوزان النموذج تالفة (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="407"/>
        <source>expected TEXT, a tab, then a LABEL</source>
        <translation>المتوقَّع: النص، ثم محرف جدولة (tab)، ثم الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="411"/>
        <source>not a valid pattern: %1</source>
        <translation>ليس نمطًا صالحًا: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="419"/>
        <source>the pattern took longer than %1 s on document %2; simplify it (nested repeats such as (a+)+ try every split)</source>
        <translation>استغرق النمط أكثر من %1 ثانية في المستند %2؛ بسِّطه (التكرارات المتداخلة مثل (a+)+ تجرّب كل تقسيم)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="426"/>
        <source>%1 may not change the gold layer (only curators can)</source>
        <translation>لا يحقّ لـ%1 تغيير طبقة gold (ذلك للمراجِعين وحدهم)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="432"/>
        <source>unknown strategy %1; use unanimous, majority or min-votes=N (N ≥ 1)</source>
        <translation>استراتيجية غير معروفة %1؛ استعمل unanimous أو majority أو min-votes=N (N ≥ 1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="436"/>
        <source>no annotations by %1 in the project</source>
        <translation>لا توسيمات لـ%1 في المشروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="440"/>
        <source>agreement needs at least two annotators</source>
        <translation>قياس الاتفاق يحتاج إلى موسِّمَين على الأقل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="445"/>
        <source>cannot connect: %1</source>
        <translation>يتعذّر الاتصال: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="452"/>
        <source>authentication failed for %1 (the password comes from the URL, PGPASSWORD, ~/.pgpass or a service file)</source>
        <translation>فشل التحقق من هوية %1 (تُؤخذ كلمة المرور من العنوان URL، أو PGPASSWORD، أو ~/.pgpass، أو ملف خدمة)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="457"/>
        <source>the server refused: %1</source>
        <translation>رفض الخادم: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="461"/>
        <source>is not a PostgreSQL URL libpq reads (%1)</source>
        <translation>ليس عنوان PostgreSQL يقرؤه libpq (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="465"/>
        <source>names no project: add ?project=NAME to the URL</source>
        <translation>لا يسمّي مشروعًا: أضف ?project=NAME إلى العنوان URL</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="472"/>
        <source>project name %1 must be 1 to 40 lowercase letters, digits or _, beginning with a letter</source>
        <translation>اسم المشروع %1 يجب أن يكون من 1 إلى 40 من الحروف اللاتينية الصغيرة أو الأرقام أو _، أوله حرف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="477"/>
        <source>answer_timeout must be a number of seconds, not %1</source>
        <translation>يجب أن يكون answer_timeout عددًا من الثواني، لا %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="483"/>
        <source>no project %1 on this server (make it with `annotator server init`)</source>
        <translation>لا مشروع %1 على هذا الخادم (أنشئه بالأمر `annotator server init`)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="490"/>
        <source>no project %1 on this server (make it with `annotator server init`, or check ?project=)</source>
        <translation>لا مشروع %1 على هذا الخادم (أنشئه بالأمر `annotator server init`، أو تحقّق من ?project=)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="497"/>
        <source>project %1 already exists on this server; open it, or choose another name</source>
        <translation>المشروع %1 موجود على هذا الخادم؛ افتحه أو اختر اسمًا آخر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="505"/>
        <source>%1 may not make a project here: that needs a superuser, or a role with CREATEROLE that may create schemas in the database</source>
        <translation>لا يحقّ لـ%1 إنشاء مشروع هنا: يلزم لذلك مستخدم خارق (superuser)، أو دور له CREATEROLE ويحقّ له إنشاء مخططات (schemas) في قاعدة البيانات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="514"/>
        <source>%1 is not a person of the project %2: its owner adds them with `annotator server add-user URL %3`</source>
        <translation>%1 ليس من أهل المشروع %2: يضيفه مالكه بالأمر `annotator server add-user URL %3`</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="522"/>
        <source>was made by a newer version of annotator (%1 %2, this version reads up to %3); upgrade annotator to open it</source>
        <translation>أُنشئ بإصدار أحدث من annotator (%1 %2، وهذا الإصدار يقرأ حتى %3)؛ حدِّث annotator لفتحه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="532"/>
        <source>was made by an older annotator (server schema %1; this one needs %2): its owner, %3, must open it once with this version, or run `annotator server upgrade URL`; nothing was changed</source>
        <translation>أُنشئ بإصدار أقدم من annotator (إصدار مخطط الخادم %1، وهذا الإصدار يحتاج إلى %2): على مالكه %3 أن يفتحه مرة بهذا الإصدار، أو أن يشغّل `annotator server upgrade URL`؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="539"/>
        <source>has a server schema version that is not a number (%1)</source>
        <translation>إصدار مخطط الخادم فيه ليس عددًا (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="547"/>
        <source>could not be upgraded from server schema %1 to %2: colleagues&apos; work held its tables for too long; nothing was changed, try again</source>
        <translation>تعذّرت ترقيته من إصدار مخطط الخادم %1 إلى %2: أمسك عمل الزملاء جداوله مدة طويلة جدًا؛ لم يتغيّر شيء، حاول مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="555"/>
        <source>could not be upgraded from server schema %1 to %2 (%3); nothing was changed</source>
        <translation>تعذّرت ترقيته من إصدار مخطط الخادم %1 إلى %2 (%3)؛ لم يتغيّر شيء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="561"/>
        <source>not done: still waiting for the server to answer the change before</source>
        <translation>لم يُنفَّذ: ما زال الانتظار قائمًا لردّ الخادم على التغيير السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="567"/>
        <source>not saved: another person&apos;s change held what this one needed for too long; try again</source>
        <translation>لم يُحفظ: أمسك تغييرُ شخص آخر ما يحتاجه هذا التغيير مدة طويلة جدًا؛ حاول مرة أخرى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="571"/>
        <source>not saved: the server took too long and stopped it</source>
        <translation>لم يُحفظ: أبطأ الخادم كثيرًا فأوقفه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="577"/>
        <source>%1 may not write this row of %2 (it is another annotator&apos;s, or only curators may)</source>
        <translation>لا يحقّ لـ%1 كتابة هذا الصف من %2 (هو لموسِّم آخر، أو ذلك للمراجِعين وحدهم)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="581"/>
        <source>%1 may not change %2: only curators can</source>
        <translation>لا يحقّ لـ%1 تغيير %2: ذلك للمراجِعين وحدهم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="586"/>
        <source>the JSON is nested too deeply</source>
        <translation>بنية JSON متداخلة تداخلًا مفرطًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="590"/>
        <source>the folder cannot be read (%1)</source>
        <translation>تتعذّر قراءة المجلد (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="594"/>
        <source>is not valid %1 (bad byte at offset %2)</source>
        <translation>ليس نصًّا صالحًا بترميز %1 (بايت خاطئ عند الموضع %2)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="601"/>
        <source>mixes UTF-8 with another encoding (the first byte that is not UTF-8 is at offset %1); save it in one encoding</source>
        <translation>يخلط UTF-8 بترميز آخر (أول بايت ليس من UTF-8 عند الموضع %1)؛ احفظه بترميز واحد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="606"/>
        <source>is not UTF-8 text (bad byte at offset %1)</source>
        <translation>ليس نصًّا بترميز UTF-8 (بايت خاطئ عند الموضع %1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="610"/>
        <source>the file&apos;s name is not valid UTF-8 text; rename the file</source>
        <translation>اسم الملف ليس نصًّا صالحًا بترميز UTF-8؛ غيّر اسم الملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="614"/>
        <source>the %1 format can only be exported</source>
        <translation>صيغة %1 للتصدير فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="618"/>
        <source>holds no tokens</source>
        <translation>لا يحوي أي وحدات نصية (tokens)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="622"/>
        <source>has more cells than the header has columns</source>
        <translation>فيه خلايا أكثر من أعمدة سطر العناوين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="626"/>
        <source>the %1 cell is empty</source>
        <translation>الخلية %1 فارغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="630"/>
        <source>is not valid CSV (%1)</source>
        <translation>ليس ملف CSV صالحًا (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="634"/>
        <source>has a header but no rows</source>
        <translation>فيه سطر عناوين بلا صفوف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="638"/>
        <source>holds no records</source>
        <translation>لا يحوي أي سجلات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="642"/>
        <source>unknown offset unit %1; use %2</source>
        <translation>وحدة مواضع غير معروفة %1؛ استعمل %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="646"/>
        <source>unknown doccano project type %1; use %2</source>
        <translation>نوع مشروع doccano غير معروف %1؛ استعمل %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="650"/>
        <source>no article text was found in this HTML page</source>
        <translation>لم يوجد نص مقال في صفحة HTML هذه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="654"/>
        <source>holds no sentences</source>
        <translation>لا يحوي أي جمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="660"/>
        <source>is not WebAnno TSV 3 (no #FORMAT=WebAnno TSV 3.x first line)</source>
        <translation>ليس WebAnno TSV 3 (سطره الأول ليس #FORMAT=WebAnno TSV 3.x)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="664"/>
        <source>a token row must read SENT-TOK&lt;TAB&gt;BEGIN-END&lt;TAB&gt;FORM</source>
        <translation>سطر الوحدة النصية يجب أن يكون SENT-TOK&lt;TAB&gt;BEGIN-END&lt;TAB&gt;FORM</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="668"/>
        <source>token %1 is not in its sentence&apos;s #Text</source>
        <translation>الوحدة النصية %1 ليست في سطر #Text لجملتها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="672"/>
        <source>a sentence overlaps the one before it</source>
        <translation>جملة تتداخل مع التي قبلها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="678"/>
        <source>offset %1 is beyond the longest article annotator takes (%2 characters)</source>
        <translation>الموضع %1 يتجاوز أطول مقال يقبله annotator (%2 محرف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="684"/>
        <source>token %1 at %2-%3 does not match the text there (%4); offsets count UTF-16 units</source>
        <translation>الوحدة النصية %1 عند %2-%3 لا تطابق النص هناك (%4)؛ المواضع تُعدّ بوحدات UTF-16</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="688"/>
        <source>bad relation source %1</source>
        <translation>مصدر علاقة غير صالح %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="692"/>
        <source>relation %1 does not link two spans</source>
        <translation>العلاقة %1 لا تربط مقطعين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="696"/>
        <source>is not a UIMA CAS XMI file this type system reads (%1)</source>
        <translation>ليس ملف UIMA CAS XMI يقرؤه نظام الأنواع هذا (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="700"/>
        <source>has no text (an empty sofaString)</source>
        <translation>بلا نص (sofaString فارغ)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="704"/>
        <source>%1: the text at %2-%3 is %4, not %5</source>
        <translation>%1: النص عند %2-%3 هو %4، لا %5</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="708"/>
        <source>has no text file %1 beside it</source>
        <translation>ليس بجانبه ملف النص %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="712"/>
        <source>%1: relation %2 refers to a missing annotation %3</source>
        <translation>%1: العلاقة %2 تشير إلى توسيم غير موجود %3</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="717"/>
        <source>the %1 format can only be imported</source>
        <translation>صيغة %1 للاستيراد فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="723"/>
        <source>is the project itself; it is not replaced: give another name</source>
        <translation>هو المشروع نفسه؛ لا يُستبدل: اختر اسمًا آخر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="729"/>
        <source>is not a regular file (a device or a pipe); it is not replaced</source>
        <translation>ليس ملفًا عاديًا (جهاز أو أنبوب)؛ لا يُستبدل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="733"/>
        <source>the file name is longer than %1 bytes</source>
        <translation>اسم الملف أطول من %1 بايت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="739"/>
        <source>writing Parquet needs pyarrow: pip install &apos;annotator[parquet]&apos;</source>
        <translation>كتابة Parquet تحتاج إلى pyarrow: pip install &apos;annotator[parquet]&apos;</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="745"/>
        <source>the spaCy export needs spaCy: pip install &apos;annotator[spacy]&apos;</source>
        <translation>التصدير إلى spaCy يحتاج إلى spaCy: pip install &apos;annotator[spacy]&apos;</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="753"/>
        <source>document %1 holds characters XML cannot hold (run `annotator check` to find them); the export stopped there</source>
        <translation>في المستند %1 محارف لا يقبلها XML (شغّل `annotator check` لإيجادها)؛ توقّف التصدير عنده</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="759"/>
        <source>%1: NaN and Infinity are not JSON; run `annotator check`</source>
        <translation>%1: القيمتان NaN وInfinity ليستا من JSON؛ شغّل `annotator check`</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="766"/>
        <source>a text in the project is not valid UTF-8; was the file changed by another program? (`annotator check` names it)</source>
        <translation>نص في المشروع ليس UTF-8 صالحًا؛ هل غيّر برنامج آخر الملف؟ (الأمر `annotator check` يسمّيه)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="775"/>
        <source>a metadata or attributes cell is not valid JSON; was the file changed by another program? (`annotator check` names it)</source>
        <translation>خلية بيانات وصفية أو سمات ليست JSON صالحًا؛ هل غيّر برنامج آخر الملف؟ (الأمر `annotator check` يسمّيه)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="781"/>
        <source>the chart is written as .png, .pdf or .svg</source>
        <translation>يُكتب الرسم البياني بصيغة .png أو .pdf أو .svg</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="785"/>
        <source>charts need matplotlib: pip install &apos;annotator[charts]&apos;</source>
        <translation>الرسوم البيانية تحتاج إلى matplotlib: pip install &apos;annotator[charts]&apos;</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="790"/>
        <source>the server cannot be reached (%1)</source>
        <translation>يتعذّر الوصول إلى الخادم (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="796"/>
        <source>the connection to the server was lost: the change is not saved (%1)</source>
        <translation>انقطع الاتصال بالخادم: لم يُحفظ التغيير (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="800"/>
        <source>the server did not answer within %1 seconds</source>
        <translation>لم يُجب الخادم خلال %1 ثانية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="808"/>
        <source>is a project on a server, which a backup file does not replace; copy the backup to a new server project instead (annotator copy BACKUP URL)</source>
        <translation>مشروع على خادم لا يحلّ محلّه ملف نسخة احتياطية؛ انسخ النسخة الاحتياطية إلى مشروع جديد على الخادم بدلًا من ذلك (annotator copy BACKUP URL)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="817"/>
        <source>the database&apos;s and the project&apos;s names together are too long for role names (at most 63 bytes with .curators)</source>
        <translation>اسما قاعدة البيانات والمشروع معًا أطول مما تحتمله أسماء الأدوار (63 بايت على الأكثر مع .curators)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="823"/>
        <source>annotation %1 is not an object</source>
        <translation>التوسيم %1 ليس كائنًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="827"/>
        <source>%1: attributes must be an object</source>
        <translation>%1: يجب أن تكون السمات كائنًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="831"/>
        <source>annotation id %1 appears twice</source>
        <translation>معرِّف التوسيم %1 مكرَّر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="835"/>
        <source>relation %1 is not an object</source>
        <translation>العلاقة %1 ليست كائنًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="839"/>
        <source>relation %1 refers to a missing annotation %2</source>
        <translation>العلاقة %1 تشير إلى توسيم غير موجود %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="843"/>
        <source>relation %1 has no type</source>
        <translation>العلاقة %1 بلا نوع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="849"/>
        <source>status of %1 must be not_started, in_progress or done, not %2</source>
        <translation>حالة %1 يجب أن تكون not_started أو in_progress أو done، لا %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="856"/>
        <source>%1: its attributes %2 are not what annotator writes; was the file changed by another program?</source>
        <translation>%1: سماته %2 ليست مما يكتبه annotator؛ هل غيّر برنامج آخر الملف؟</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="862"/>
        <source>each record must be a JSON object</source>
        <translation>كل سجل يجب أن يكون كائن JSON</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="866"/>
        <source>&quot;%1&quot; must be a list of spans</source>
        <translation>يجب أن يكون &quot;%1&quot; قائمة مقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="870"/>
        <source>span %1: its id must be a number or text</source>
        <translation>المقطع %1: معرِّفه يجب أن يكون عددًا أو نصًّا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="874"/>
        <source>span %1 is neither [start, end, label] nor an object</source>
        <translation>المقطع %1 ليس [start, end, label] ولا كائنًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="878"/>
        <source>span %1: start and end must be whole numbers</source>
        <translation>المقطع %1: يجب أن تكون البداية والنهاية عددين صحيحين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="882"/>
        <source>&quot;relations&quot; must be a list</source>
        <translation>يجب أن تكون &quot;relations&quot; قائمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="886"/>
        <source>relation %1 must be an object with from_id, to_id and type</source>
        <translation>العلاقة %1 يجب أن تكون كائنًا فيه from_id وto_id وtype</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="890"/>
        <source>relation %1 refers to a missing entity</source>
        <translation>العلاقة %1 تشير إلى كيان غير موجود</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="895"/>
        <source>must hold a list of tasks</source>
        <translation>يجب أن يحوي قائمة مهام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="899"/>
        <source>each task must be an object with &quot;data&quot;</source>
        <translation>كل مهمة يجب أن تكون كائنًا فيه &quot;data&quot;</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="903"/>
        <source>&quot;data.%1&quot; must be a non-empty string</source>
        <translation>يجب أن يكون &quot;data.%1&quot; نصًّا غير فارغ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="907"/>
        <source>each annotation and prediction needs a result list</source>
        <translation>كل توسيم وتنبؤ يحتاج إلى قائمة result</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="911"/>
        <source>a relation refers to a region that is not a labelled span</source>
        <translation>علاقة تشير إلى منطقة ليست مقطعًا موسومًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="915"/>
        <source>a relation&apos;s labels must be a list of names</source>
        <translation>وسوم العلاقة يجب أن تكون قائمة أسماء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="919"/>
        <source>&quot;%1&quot; must be a list of objects</source>
        <translation>يجب أن يكون &quot;%1&quot; قائمة كائنات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="925"/>
        <source>needs a &quot;%1&quot; column holding the spans (Label Studio&apos;s CSV export)</source>
        <translation>يحتاج إلى عمود &quot;%1&quot; فيه المقاطع (تصدير CSV من Label Studio)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="929"/>
        <source>row %1: the &quot;%2&quot; cell is not JSON</source>
        <translation>الصف %1: الخلية &quot;%2&quot; ليست JSON</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="933"/>
        <source>result %1 has no value with labels</source>
        <translation>النتيجة %1 بلا قيمة فيها وسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="937"/>
        <source>result %1: start and end must be whole numbers</source>
        <translation>النتيجة %1: يجب أن تكون البداية والنهاية عددين صحيحين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="943"/>
        <source>the span texts do not match the text counted in %1 (first: %2 at %3-%4)</source>
        <translation>نصوص المقاطع لا تطابق النص معدودًا بوحدات %1 (أولها: %2 عند %3-%4)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="948"/>
        <source>the id %1 is given twice (first on line %2)</source>
        <translation>المعرِّف %1 مذكور مرتين (أول مرة في السطر %2)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="952"/>
        <source>a T line must read ID&lt;TAB&gt;TYPE START END&lt;TAB&gt;TEXT</source>
        <translation>سطر T يجب أن يكون ID&lt;TAB&gt;TYPE START END&lt;TAB&gt;TEXT</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="956"/>
        <source>%1: fragments must be ordered, non-empty and apart</source>
        <translation>%1: يجب أن تكون الأجزاء مرتّبة وغير فارغة ومنفصلة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="960"/>
        <source>%1: a relation must read TYPE Arg1:ID Arg2:ID</source>
        <translation>%1: العلاقة يجب أن تكون TYPE Arg1:ID Arg2:ID</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="964"/>
        <source>%1: an attribute must read NAME ID [VALUE]</source>
        <translation>%1: السمة يجب أن تكون NAME ID [VALUE]</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="968"/>
        <source>%1: a note must read TYPE ID&lt;TAB&gt;TEXT</source>
        <translation>%1: الملاحظة يجب أن تكون TYPE ID&lt;TAB&gt;TEXT</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="973"/>
        <source>&quot;%1&quot; must be a non-empty string</source>
        <translation>يجب أن يكون &quot;%1&quot; نصًّا غير فارغ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="977"/>
        <source>%1: start and end must be whole numbers</source>
        <translation>%1: يجب أن تكون البداية والنهاية عددين صحيحين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="983"/>
        <source>unknown kind of file %1; name it with --format</source>
        <translation>نوع ملف غير معروف %1؛ اختر صيغته (--format في سطر الأوامر)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="989"/>
        <source>has no column %1 (columns: %2); name the text column with --text-column</source>
        <translation>ليس فيه العمود %1 (أعمدته: %2)؛ سمِّ عمود النص (--text-column في سطر الأوامر)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="995"/>
        <source>the file names no annotator for its annotations; give one with --annotator NAME</source>
        <translation>لا يسمّي الملف موسِّمًا لتوسيماته؛ سمِّ واحدًا (--annotator NAME في سطر الأوامر)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1001"/>
        <source>task %1: %2</source>
        <translation>المهمة %1: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1002"/>
        <source>result %1: %2</source>
        <translation>النتيجة %1: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1003"/>
        <source>span %1: %2 (offsets counted in %3)</source>
        <translation>المقطع %1: %2 (المواضع معدودة بوحدات %3)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1007"/>
        <source>the gold layer</source>
        <translation>طبقة gold</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1008"/>
        <source>their colleagues&apos;</source>
        <translation>عمل زملائه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1009"/>
        <source>%1&apos;s work</source>
        <translation>عمل %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1010"/>
        <source>%1&apos;s</source>
        <translation>عمل %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1013"/>
        <source>is %1, not a regular file</source>
        <translation>%1، وليس ملفًا عاديًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1016"/>
        <source>is %1; %2 can be at most %3 (split it into parts)</source>
        <translation>حجمه %1، وأقصى حجم لـ%2 هو %3 (قسّمه أجزاءً)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1019"/>
        <source>%1; is it a binary file?</source>
        <translation>%1؛ أهو ملف ثنائي؟</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1022"/>
        <source>contains %1 at %2</source>
        <translation>فيه المحرف %1 في %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1023"/>
        <source>a named pipe (FIFO)</source>
        <translation>أنبوب مسمّى (FIFO)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1024"/>
        <source>a character device</source>
        <translation>جهاز محارف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1025"/>
        <source>a block device</source>
        <translation>جهاز كتل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1026"/>
        <source>a socket</source>
        <translation>مقبس (socket)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1027"/>
        <source>a folder</source>
        <translation>مجلد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1028"/>
        <source>a file</source>
        <translation>ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1029"/>
        <source>a model</source>
        <translation>نموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1030"/>
        <source>%1 MB</source>
        <translation>%1 ميغابايت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1031"/>
        <source>%1 bytes</source>
        <translation>%1 بايت</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1032"/>
        <source>line %1, column %2</source>
        <translation>السطر %1، العمود %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1033"/>
        <source>character %1</source>
        <translation>المحرف رقم %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1038"/>
        <source>%1, so the connection was cut: the change under way is not saved</source>
        <translation>%1، فقُطع الاتصال: لم يُحفظ التغيير الجاري</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1043"/>
        <source>document %1: unknown %2 %3 (add it to the schema, or import with --add-labels)</source>
        <translation>المستند %1: %2 %3 غير معروف (أضفه إلى المخطط، أو اقبل إضافته حين يعرض الاستيراد ذلك؛ --add-labels في سطر الأوامر)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1047"/>
        <source>label</source>
        <translation>الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1048"/>
        <source>relation type</source>
        <translation>نوع العلاقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1115"/>
        <location filename="../../annotator/ui/error_texts.py" line="1128"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/error_texts.py" line="1123"/>
        <source>%1, line %2</source>
        <translation>%1، السطر %2</translation>
    </message>
</context>
<context>
    <name>CurationList</name>
    <message>
        <location filename="../../annotator/ui/review/lists.py" line="99"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/lists.py" line="99"/>
        <source>Curation</source>
        <translation>التحكيم</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <location filename="../../annotator/ui/details.py" line="45"/>
        <source>Link speaker / source</source>
        <translation>اربط بالمتحدث / المصدر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details.py" line="47"/>
        <source>Remove link</source>
        <translation>أزل الرابط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details.py" line="56"/>
        <source>Relations</source>
        <translation>العلاقات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/details.py" line="80"/>
        <source>No span selected</source>
        <translation>لا مقطع محدد</translation>
    </message>
</context>
<context>
    <name>DocumentList</name>
    <message>
        <location filename="../../annotator/ui/doclist.py" line="254"/>
        <source>Listed first: the model is unsure of it (%1), so it teaches most</source>
        <translation>في أول القائمة: النموذج غير واثق به (%1)، فهو أكثر ما يعلّمه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/doclist.py" line="146"/>
        <source>Filter or search the project…</source>
        <translation>صفِّ أو ابحث في المشروع…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/doclist.py" line="152"/>
        <source>Document</source>
        <translation>المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/doclist.py" line="153"/>
        <source>Length</source>
        <translation>الطول</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/doclist.py" line="154"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/doclist.py" line="155"/>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/doclist.py" line="156"/>
        <source>Found</source>
        <translation>المطابقة</translation>
    </message>
</context>
<context>
    <name>EditNames</name>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="14"/>
        <source>add span</source>
        <translation>إضافة مقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="15"/>
        <source>delete span</source>
        <translation>حذف مقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="16"/>
        <source>change span</source>
        <translation>تعديل مقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="17"/>
        <source>link spans</source>
        <translation>ربط مقطعين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="18"/>
        <source>unlink spans</source>
        <translation>فك ربط مقطعين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="19"/>
        <source>blind annotation</source>
        <translation>التوسيم المعمّى</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="20"/>
        <source>bulk change</source>
        <translation>تغيير جماعي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="21"/>
        <source>edit schema</source>
        <translation>تعديل المخطط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="22"/>
        <source>reject suggestion</source>
        <translation>رفض اقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="23"/>
        <source>accept suggestion</source>
        <translation>قبول اقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="24"/>
        <source>accept suggestions</source>
        <translation>قبول الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="25"/>
        <source>relabel</source>
        <translation>تغيير الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="26"/>
        <source>resize span</source>
        <translation>تغيير حدود المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="27"/>
        <source>set attribute</source>
        <translation>تعيين سمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/edit_names.py" line="28"/>
        <source>annotate all</source>
        <translation>وسم كل التكرارات</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="36"/>
        <source>Export</source>
        <translation>تصدير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="48"/>
        <source>Only my spans</source>
        <translation>مقاطعي فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="50"/>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="65"/>
        <source>Format</source>
        <translation>الصيغة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="68"/>
        <source>Output</source>
        <translation>الملف الناتج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/export_dialog.py" line="81"/>
        <location filename="../../annotator/ui/export_dialog.py" line="83"/>
        <source>Export to</source>
        <translation>صدِّر إلى</translation>
    </message>
</context>
<context>
    <name>FormatTexts</name>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="17"/>
        <source>Native JSONL</source>
        <translation>JSONL الأصلية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="18"/>
        <source>Plain text</source>
        <translation>نص عادي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="19"/>
        <source>HTML page</source>
        <translation>صفحة HTML</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="20"/>
        <source>CSV table</source>
        <translation>جدول CSV</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="21"/>
        <source>Hugging Face token classification</source>
        <translation>تصنيف الرموز في Hugging Face</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="29"/>
        <source>One document per line with its annotations and relations; lossless.</source>
        <translation>مستند في كل سطر مع توسيماته وعلاقاته؛ دون أن يضيع منه شيء.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="32"/>
        <source>An article per file: UTF-8, UTF-8 or UTF-16 with a BOM, or Windows-1256.</source>
        <translation>مقال في كل ملف: بترميز UTF-8، أو UTF-8 أو UTF-16 مع BOM، أو Windows-1256.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="36"/>
        <source>Import: the article&apos;s main text, without menus and footers. Export: a folder of standalone pages, one per document (coloured spans, legend, relations), and an index.html.</source>
        <translation>الاستيراد: نص المقال الرئيسي، دون القوائم والتذييلات. التصدير: مجلد من صفحات مستقلة، صفحة لكل مستند (مقاطع ملوّنة، ودليل الألوان، والعلاقات)، وملف index.html.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="42"/>
        <source>Import: one article per row, its text in a named column. Export: one row per annotation (document, annotator, label, start, end, text, attributes).</source>
        <translation>الاستيراد: مقال في كل صف، ونصه في عمود مسمّى. التصدير: صف لكل توسيم (المستند، والموسِّم، والوسم، والبداية، والنهاية، والنص، والسمات).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="47"/>
        <source>doccano&apos;s sequence labelling JSONL: spans under label, or entities and relations when there are relations (what a project with relation labeling reads); offsets in UTF-16 units or grapheme clusters.</source>
        <translation>ملف JSONL لتوسيم التسلسلات في doccano: المقاطع تحت label، أو entities وrelations حين توجد علاقات (وهو ما يقرؤه مشروع لتوسيم العلاقات)؛ والإزاحات بوحدات UTF-16 أو بعناقيد المحارف.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="53"/>
        <source>A folder of NAME.txt and NAME.ann files: spans, relations, attributes, notes.</source>
        <translation>مجلد من ملفات NAME.txt وNAME.ann: المقاطع والعلاقات والسمات والملاحظات.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="57"/>
        <source>A token per line with its IOB tags (IOB1, IOB2, BIOES read), a column per layer of nested entities; sentences split by blank lines.</source>
        <translation>رمز في كل سطر مع وسوم IOB الخاصة به (وتُقرأ IOB1 وIOB2 وBIOES)، وعمود لكل طبقة من الكيانات المتداخلة؛ وتفصل الأسطر الفارغة بين الجمل.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="62"/>
        <source>Label Studio tasks with labelled text spans and relations, and beside them the labeling config to paste (NAME.label_config.xml); its JSON, JSON-MIN and CSV exports read back; offsets in code points.</source>
        <translation>مهام Label Studio بمقاطع نصية موسومة وعلاقات، ومعها إعداد التوسيم الذي يُلصق هناك (⁦NAME.label_config.xml⁩)؛ وتُقرأ صادراته بصيغ JSON وJSON-MIN وCSV؛ والإزاحات بنقاط الترميز.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="68"/>
        <source>A folder of WebAnno TSV 3.3 files, one per document, as INCEpTION reads them; offsets in UTF-16 units.</source>
        <translation>مجلد من ملفات WebAnno TSV 3.3، ملف لكل مستند، كما يقرؤها INCEpTION؛ والإزاحات بوحدات UTF-16.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="73"/>
        <source>A folder of UIMA CAS XMI files and their TypeSystem.xml, INCEpTION&apos;s own format.</source>
        <translation>مجلد من ملفات UIMA CAS XMI مع ملف TypeSystem.xml الخاص بها، وهي صيغة INCEpTION نفسه.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="77"/>
        <source>tokens and ner_tags per sentence, as OUTPUT.jsonl or OUTPUT.parquet (the parquet extra), with the tag names in OUTPUT.features.json.</source>
        <translation>الحقلان tokens وner_tags لكل جملة، في OUTPUT.jsonl أو OUTPUT.parquet (يتطلب الحزمة الإضافية parquet)، وأسماء الوسوم في OUTPUT.features.json.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/format_texts.py" line="82"/>
        <source>A .spacy training file (the spacy extra): entities in doc.ents, every span (nested too) in doc.spans[&apos;sc&apos;].</source>
        <translation>ملف تدريب لـ spaCy (يتطلب الحزمة الإضافية spacy): الكيانات في doc.ents، وكل مقطع (والمتداخل أيضًا) في doc.spans[&apos;sc&apos;].</translation>
    </message>
</context>
<context>
    <name>GoldBeside</name>
    <message>
        <location filename="../../annotator/ui/review/gold_beside.py" line="38"/>
        <source>%1 beside gold — %2</source>
        <translation>%1 بجانب النسخة المعتمدة — %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/gold_beside.py" line="123"/>
        <source>Marked: %1 of your spans not in gold, %2 gold spans you do not have</source>
        <translation>المعلَّم: %1 من مقاطعك ليست في النسخة المعتمدة، و%2 من مقاطع النسخة المعتمدة ليست لديك</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/gold_beside.py" line="64"/>
        <source>gold</source>
        <translation>المعتمدة</translation>
    </message>
</context>
<context>
    <name>ImportSummary</name>
    <message numerus="yes">
        <location filename="../../annotator/ui/importing.py" line="138"/>
        <source>%n document(s) added</source>
        <translation>
            <numerusform>أُضيف %n مستند</numerusform>
            <numerusform>أُضيف %n مستند</numerusform>
            <numerusform>أُضيف %n مستند</numerusform>
            <numerusform>أُضيف %n مستند</numerusform>
            <numerusform>أُضيف %n مستند</numerusform>
            <numerusform>أُضيف %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/importing.py" line="140"/>
        <source>, %n already there</source>
        <translation>
            <numerusform>، و%n موجود من قبل</numerusform>
            <numerusform>، و%n موجود من قبل</numerusform>
            <numerusform>، و%n موجود من قبل</numerusform>
            <numerusform>، و%n موجود من قبل</numerusform>
            <numerusform>، و%n موجود من قبل</numerusform>
            <numerusform>، و%n موجود من قبل</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/importing.py" line="142"/>
        <source>, %n file(s) refused: </source>
        <translation>
            <numerusform>، ورُفض %n ملف: </numerusform>
            <numerusform>، ورُفض %n ملف: </numerusform>
            <numerusform>، ورُفض %n ملف: </numerusform>
            <numerusform>، ورُفض %n ملف: </numerusform>
            <numerusform>، ورُفض %n ملف: </numerusform>
            <numerusform>، ورُفض %n ملف: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LabelKinds</name>
    <message>
        <location filename="../../annotator/ui/label_kinds.py" line="13"/>
        <source>entity</source>
        <translation>كيان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/label_kinds.py" line="14"/>
        <source>claim</source>
        <translation>ادعاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/label_kinds.py" line="15"/>
        <source>quote</source>
        <translation>اقتباس</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../annotator/ui/window.py" line="104"/>
        <source> (read-only)</source>
        <translation> (للقراءة فقط)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="137"/>
        <source>No documents yet: File › Import documents… or Import a folder… brings articles in.</source>
        <translation>لا مستندات بعد: ملف ← استورد مستندات… أو استورد مجلدًا… يأتي بالمقالات.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="180"/>
        <location filename="../../annotator/ui/window.py" line="208"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="181"/>
        <source>Labels</source>
        <translation>الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="182"/>
        <source>Spans</source>
        <translation>المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="192"/>
        <source>Details</source>
        <translation>التفاصيل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="207"/>
        <source>Article text</source>
        <translation>نص المقالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="209"/>
        <source>Filter documents</source>
        <translation>تصفية المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="210"/>
        <source>Documents list</source>
        <translation>قائمة المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="211"/>
        <source>Label palette</source>
        <translation>لوحة الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="212"/>
        <source>Spans in this document</source>
        <translation>المقاطع في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="213"/>
        <source>Span details</source>
        <translation>تفاصيل المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="214"/>
        <source>Selected span&apos;s label</source>
        <translation>وسم المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="215"/>
        <source>Selected span&apos;s text</source>
        <translation>نص المقطع المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="216"/>
        <source>Relations of the span</source>
        <translation>علاقات المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="218"/>
        <source>Find bar</source>
        <translation>شريط البحث</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="219"/>
        <source>Find in the article</source>
        <translation>البحث في المقالة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="220"/>
        <source>Matches found</source>
        <translation>النتائج المطابقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="221"/>
        <source>Annotator</source>
        <translation>الموسِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="222"/>
        <source>Document status</source>
        <translation>حالة المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="223"/>
        <source>Caret position</source>
        <translation>موضع المؤشر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="249"/>
        <source>&amp;File</source>
        <translation>&amp;ملف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="251"/>
        <source>&amp;New project…</source>
        <translation>مشروع &amp;جديد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="254"/>
        <source>&amp;Open project…</source>
        <translation>ا&amp;فتح مشروعًا…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="257"/>
        <source>Open a project on a &amp;server…</source>
        <translation>افتح مشروعًا على &amp;خادم…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="260"/>
        <location filename="../../annotator/ui/window.py" line="653"/>
        <source>&amp;Import documents…</source>
        <translation>ا&amp;ستورد مستندات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="261"/>
        <location filename="../../annotator/ui/window.py" line="660"/>
        <location filename="../../annotator/ui/window.py" line="666"/>
        <source>Import a &amp;folder…</source>
        <translation>استورد م&amp;جلدًا…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="262"/>
        <source>&amp;Export…</source>
        <translation>&amp;صدِّر…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="263"/>
        <source>Share document as &amp;HTML…</source>
        <translation>شارك المستند صفحةَ &amp;ويب…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="264"/>
        <source>Share document as P&amp;DF…</source>
        <translation>شارك المستند ملفَّ PDF…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="266"/>
        <source>&amp;Restore a backup…</source>
        <translation>&amp;استعادة نسخة احتياطية…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="269"/>
        <source>&amp;Settings…</source>
        <translation>الإ&amp;عدادات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="270"/>
        <source>&amp;Quit</source>
        <translation>&amp;خروج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="272"/>
        <source>&amp;Edit</source>
        <translation>&amp;تحرير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="273"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="275"/>
        <source>&amp;Redo</source>
        <translation>إ&amp;عادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="279"/>
        <source>&amp;Find…</source>
        <translation>&amp;بحث…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="281"/>
        <source>Find &amp;next</source>
        <translation>التطابق ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="285"/>
        <source>Find &amp;previous</source>
        <translation>التطابق ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="289"/>
        <source>&amp;Delete span</source>
        <translation>ا&amp;حذف المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="291"/>
        <source>Next span</source>
        <translation>المقطع التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="292"/>
        <source>Previous span</source>
        <translation>المقطع السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="294"/>
        <source>Link speaker / source</source>
        <translation>اربط بالمتحدث / المصدر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="298"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="300"/>
        <source>Span edges</source>
        <translation>حدود المقطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="306"/>
        <source>E&amp;xact spans (no snapping to words)</source>
        <translation>مقاطع د&amp;قيقة (دون الالتقاط إلى الكلمات)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="312"/>
        <source>Annotate all in &amp;document…</source>
        <translation>وسم كل التكرارات في ال&amp;مستند…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="316"/>
        <source>Annotate all in the &amp;project…</source>
        <translation>وسم كل التكرارات في المش&amp;روع…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="320"/>
        <source>&amp;View</source>
        <translation>&amp;عرض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="321"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;تكبير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="322"/>
        <source>Zoom &amp;out</source>
        <translation>ت&amp;صغير</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="323"/>
        <source>&amp;Font…</source>
        <translation>ال&amp;خط…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="324"/>
        <source>Label &amp;tags</source>
        <translation>&amp;بطاقات الوسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="327"/>
        <source>&amp;Visual cursor movement</source>
        <translation>حركة المؤشر ال&amp;مرئية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="331"/>
        <source>&amp;Panels</source>
        <translation>&amp;اللوحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="336"/>
        <source>Hide or show the side &amp;panels</source>
        <translation>إخفاء ال&amp;لوحات الجانبية أو إظهارها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="340"/>
        <source>&amp;Document</source>
        <translation>الم&amp;ستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="342"/>
        <source>&amp;Next document</source>
        <translation>المستند ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="346"/>
        <source>&amp;Previous document</source>
        <translation>المستند ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="349"/>
        <source>Mark &amp;done</source>
        <translation>علِّمه &amp;منجزًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="351"/>
        <source>&amp;Labels</source>
        <translation>ال&amp;وسوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="352"/>
        <source>&amp;Project</source>
        <translation>الم&amp;شروع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="353"/>
        <source>&amp;Schema…</source>
        <translation>ال&amp;مخطط…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="468"/>
        <source>Blind annotation is on: the spans of %1 are hidden until it is turned off (Project › Blind annotation).</source>
        <translation>التوسيم معمّى: مقاطع %1 مخفية حتى تُلغى التعمية (المشروع ← توسيم معمّى).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="509"/>
        <source>Annotator: %1</source>
        <translation>الموسِّم: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="520"/>
        <source>¶ %1 · offset %2</source>
        <translation>¶ %1 · الموضع %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="586"/>
        <source>Reading font</source>
        <translation>خط القراءة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="600"/>
        <source>Select some text or a span first</source>
        <translation>حدد نصًا أو مقطعًا أولًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="607"/>
        <source>Annotate all</source>
        <translation>وسم كل التكرارات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="608"/>
        <source>Label for every “%1”:</source>
        <translation>الوسم لكل «%1»:</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/window.py" line="615"/>
        <source>%n span(s) added</source>
        <translation>
            <numerusform>أُضيف %n مقطع</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
            <numerusform>أُضيف %n مقطع</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="620"/>
        <source>Annotator projects (*%1)</source>
        <translation>مشاريع annotator (*%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="624"/>
        <source>New project</source>
        <translation>مشروع جديد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="637"/>
        <source>Open a project</source>
        <translation>افتح مشروعًا</translation>
    </message>
    <message>
        <source>Open a project on a server</source>
        <translation type="vanished">فتح مشروع على خادم</translation>
    </message>
    <message>
        <source>The project&apos;s URL (postgresql://user@host:5432/db?project=news):</source>
        <translation type="vanished">عنوان المشروع (postgresql://user@host:5432/db?project=news):</translation>
    </message>
    <message>
        <source>%1: not a server URL (postgresql://…)</source>
        <translation type="vanished">%1: ليس عنوان خادم (postgresql://…)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="667"/>
        <source>The files in the folder are:</source>
        <translation>ملفات المجلد بصيغة:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="710"/>
        <source>Labels the schema lacks</source>
        <translation>وسوم ليست في المخطط</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/window.py" line="712"/>
        <source>%n file(s) use labels the schema lacks: %1. Add them to the schema and import these files?</source>
        <translation>
            <numerusform>لا ملفات تستعمل وسومًا ليست في المخطط: %1. أتضيفها إلى المخطط وتستورد الملفات؟</numerusform>
            <numerusform>يستعمل ملف واحد وسومًا ليست في المخطط: %1. أتضيفها إلى المخطط وتستورد هذا الملف؟</numerusform>
            <numerusform>يستعمل ملفان وسومًا ليست في المخطط: %1. أتضيفها إلى المخطط وتستورد هذين الملفين؟</numerusform>
            <numerusform>تستعمل %n ملفات وسومًا ليست في المخطط: %1. أتضيفها إلى المخطط وتستورد هذه الملفات؟</numerusform>
            <numerusform>يستعمل %n ملفًا وسومًا ليست في المخطط: %1. أتضيفها إلى المخطط وتستورد هذه الملفات؟</numerusform>
            <numerusform>يستعمل %n ملف وسومًا ليست في المخطط: %1. أتضيفها إلى المخطط وتستورد هذه الملفات؟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/window.py" line="725"/>
        <source>%n document(s) exported</source>
        <translation>
            <numerusform>صُدِّر %n مستند</numerusform>
            <numerusform>صُدِّر %n مستند</numerusform>
            <numerusform>صُدِّر %n مستند</numerusform>
            <numerusform>صُدِّر %n مستند</numerusform>
            <numerusform>صُدِّر %n مستند</numerusform>
            <numerusform>صُدِّر %n مستند</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="733"/>
        <source>No document is open</source>
        <translation>لا مستند مفتوح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="743"/>
        <source>Share document as HTML</source>
        <translation>مشاركة المستند صفحةَ ويب (HTML)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="743"/>
        <source>Web pages (*.html)</source>
        <translation>صفحات الويب (*.html)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="761"/>
        <location filename="../../annotator/ui/window.py" line="775"/>
        <source>Written: %1</source>
        <translation>كُتب: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="765"/>
        <source>Share document as PDF</source>
        <translation>مشاركة المستند ملفَّ PDF</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="765"/>
        <source>PDF documents (*.pdf)</source>
        <translation>مستندات PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="897"/>
        <source>Restored. The file it replaced is kept as %1</source>
        <translation>تمت الاستعادة. حُفظ الملف الذي استُبدل باسم %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="217"/>
        <source>Whose spans are shown beside yours</source>
        <translation>مقاطع مَن تُعرض بجانب مقاطعك</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="325"/>
        <source>&amp;Annotations of</source>
        <translation>&amp;توسيمات الآخرين</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="355"/>
        <source>&amp;Blind annotation (annotators do not see each other&apos;s spans)</source>
        <translation>توسيم &amp;معمّى (لا يرى الموسِّمون مقاطع بعضهم)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="438"/>
        <source>&amp;Nobody else</source>
        <translation>&amp;لا أحد غيري</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="448"/>
        <source>Blind annotation: others&apos; spans are hidden</source>
        <translation>التوسيم معمّى: مقاطع الآخرين مخفية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="452"/>
        <source>gold (adjudicated)</source>
        <translation>النسخة المعتمدة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/window.py" line="478"/>
        <source>Shown beside yours, outlined and read-only: the spans of %1 (%2 in this document). View › Annotations of changes it.</source>
        <translation>معروضة بجانب مقاطعك، بإطار منقّط وللقراءة فقط: مقاطع %1 (%2 في هذا المستند). يغيّرها «عرض ← توسيمات الآخرين».</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <location filename="../../annotator/ui/review/merge_dialog.py" line="27"/>
        <location filename="../../annotator/ui/review/merge_dialog.py" line="62"/>
        <source>Import a colleague&apos;s project</source>
        <translation>استيراد مشروع زميل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merge_dialog.py" line="29"/>
        <source>Projects and JSONL exports (*%1 *.jsonl);;All files (*)</source>
        <translation>المشاريع وملفات JSONL المصدَّرة (*%1 *.jsonl);;كل الملفات (*)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merge_dialog.py" line="43"/>
        <source>Nothing was imported: these annotators&apos; spans differ here and there.</source>
        <translation>لم يُستورد شيء: مقاطع هؤلاء الموسِّمين تختلف هنا وهناك.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/review/merge_dialog.py" line="46"/>
        <source>%n document(s) added</source>
        <translation>
            <numerusform>أُضيف %n مستند</numerusform>
            <numerusform>أُضيف %n مستند</numerusform>
            <numerusform>أُضيف %n مستند</numerusform>
            <numerusform>أُضيف %n مستند</numerusform>
            <numerusform>أُضيف %n مستند</numerusform>
            <numerusform>أُضيف %n مستند</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/review/merge_dialog.py" line="47"/>
        <source>%n matched</source>
        <translation>
            <numerusform>وطوبق %n</numerusform>
            <numerusform>وطوبق %n</numerusform>
            <numerusform>وطوبق %n</numerusform>
            <numerusform>وطوبق %n</numerusform>
            <numerusform>وطوبق %n</numerusform>
            <numerusform>وطوبق %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/review/merge_dialog.py" line="48"/>
        <source>%n span(s)</source>
        <translation>
            <numerusform>%n مقطع</numerusform>
            <numerusform>%n مقطع</numerusform>
            <numerusform>%n مقطع</numerusform>
            <numerusform>%n مقطع</numerusform>
            <numerusform>%n مقطع</numerusform>
            <numerusform>%n مقطع</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/review/merge_dialog.py" line="49"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n علاقة</numerusform>
            <numerusform>%n علاقة</numerusform>
            <numerusform>%n علاقة</numerusform>
            <numerusform>%n علاقة</numerusform>
            <numerusform>%n علاقة</numerusform>
            <numerusform>%n علاقة</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merge_dialog.py" line="77"/>
        <source>Import under another name…</source>
        <translation>استورد باسم آخر…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merge_dialog.py" line="86"/>
        <source>Work of: %1</source>
        <translation>عمل: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merge_dialog.py" line="106"/>
        <source>Import under another name</source>
        <translation>الاستيراد باسم آخر</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merge_dialog.py" line="108"/>
        <source>Name for all the spans in %1:</source>
        <translation>اسمٌ لكل المقاطع في %1:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/merge_dialog.py" line="45"/>
        <source>%1, %2; %3 and %4 imported</source>
        <translation>%1، %2؛ واستُورد %3 و%4</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <location filename="../../annotator/ui/guard.py" line="51"/>
        <source>Notice</source>
        <translation>تنبيه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="58"/>
        <location filename="../../annotator/ui/guard.py" line="59"/>
        <source>Close the notice</source>
        <translation>أغلق التنبيه</translation>
    </message>
</context>
<context>
    <name>ProjectGuard</name>
    <message>
        <location filename="../../annotator/ui/guard.py" line="107"/>
        <source>This project is read-only (its file or folder cannot be written): you can read and export it, but not change it.</source>
        <translation>هذا المشروع للقراءة فقط (لا يمكن الكتابة في ملفه أو مجلده): يمكنك قراءته وتصديره، لا تعديله.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="125"/>
        <source>Today&apos;s backup failed: %1</source>
        <translation>فشلت نسخة اليوم الاحتياطية: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="138"/>
        <source>Another program changed this project; what you see is up to date.</source>
        <translation>غيّر برنامج آخر هذا المشروع؛ ما تراه الآن محدَّث.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="144"/>
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="154"/>
        <source>The server cannot be reached, so changes cannot be saved until it answers again (trying again by itself). %1</source>
        <translation>لا يمكن الوصول إلى الخادم، فلا تُحفظ التعديلات حتى يجيب من جديد (تُعاد المحاولة تلقائيًا). %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="159"/>
        <source>Not saved: %1.</source>
        <translation>لم يُحفظ: %1.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="163"/>
        <source>Connected to the server again; changes are saved as before.</source>
        <translation>عاد الاتصال بالخادم؛ تُحفظ التعديلات كما من قبل.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="167"/>
        <source>Not saved while it was away: %1 (make them again).</source>
        <translation>لم يُحفظ أثناء انقطاعه: %1 (أعد إجراءها).</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="183"/>
        <source>There is no backup yet.</source>
        <translation>لا توجد نسخة احتياطية بعد.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="188"/>
        <source>Restore a backup</source>
        <translation>استعادة نسخة احتياطية</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/guard.py" line="190"/>
        <source>Put this day&apos;s backup in the project&apos;s place (the current file is kept beside it):</source>
        <translation>ضع نسخة هذا اليوم مكان المشروع (يُحفظ الملف الحالي بجانبه):</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <location filename="../../annotator/ui/i18n.py" line="25"/>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>ReviewMenu</name>
    <message>
        <location filename="../../annotator/ui/review/menu.py" line="40"/>
        <source>&amp;Review</source>
        <translation>م&amp;راجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/menu.py" line="42"/>
        <source>&amp;Review…</source>
        <translation>&amp;مراجعة…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/menu.py" line="43"/>
        <source>&amp;Agreement dashboard…</source>
        <translation>لوحة &amp;الاتفاق…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/menu.py" line="44"/>
        <source>&amp;Statistics…</source>
        <translation>&amp;إحصاءات…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/menu.py" line="45"/>
        <source>&amp;Compare with gold…</source>
        <translation>&amp;مقارنة بالنسخة المعتمدة…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/menu.py" line="46"/>
        <source>&amp;Import a colleague&apos;s project…</source>
        <translation>&amp;استيراد مشروع زميل…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/menu.py" line="73"/>
        <source>%1; a curator reviews it</source>
        <translation>%1؛ يراجعه المراجِع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/menu.py" line="96"/>
        <source>%1; it shows once the project is no longer blind</source>
        <translation>%1؛ تظهر حين تُلغى تعمية المشروع</translation>
    </message>
</context>
<context>
    <name>ReviewWindow</name>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="80"/>
        <source>all agree</source>
        <translation>اتفاق الجميع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="81"/>
        <source>label differs</source>
        <translation>الوسم مختلف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="82"/>
        <source>boundaries differ</source>
        <translation>الحدود مختلفة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="83"/>
        <source>only some have it</source>
        <translation>عند بعضهم فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="94"/>
        <source>Review — %1</source>
        <translation>المراجعة — %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="126"/>
        <source>Select text to add a gold span, or a gold span to change its label</source>
        <translation>حدّد نصًا لإضافة مقطع معتمد، أو مقطعًا معتمدًا لتغيير وسمه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="133"/>
        <source>Curation:</source>
        <translation>التحكيم:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="136"/>
        <source>Gold label:</source>
        <translation>الوسم المعتمد:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="147"/>
        <source>Annotators (lanes from the foot)</source>
        <translation>الموسِّمون (المسارات من الأسفل)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="149"/>
        <source>Documents</source>
        <translation>المستندات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="150"/>
        <source>Disagreements</source>
        <translation>مواضع الخلاف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="188"/>
        <source>&amp;Review</source>
        <translation>&amp;مراجعة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="191"/>
        <source>&amp;Next place to decide</source>
        <translation>الموضع &amp;التالي للحسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="193"/>
        <source>&amp;Previous place to decide</source>
        <translation>الموضع ال&amp;سابق للحسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="195"/>
        <source>Next place</source>
        <translation>الموضع التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="196"/>
        <source>Previous place</source>
        <translation>الموضع السابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="197"/>
        <source>&amp;Accept</source>
        <translation>&amp;قبول</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="198"/>
        <source>&amp;Reject</source>
        <translation>&amp;رفض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="199"/>
        <source>&amp;Edit gold span</source>
        <translation>&amp;تعديل المقطع المعتمد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="200"/>
        <source>Reject the selected gold span</source>
        <translation>رفض المقطع المعتمد المحدد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="203"/>
        <source>Accept the version of</source>
        <translation>قبول نسخة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="207"/>
        <source>annotator %1</source>
        <translation>الموسِّم %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="212"/>
        <source>Gold span edges</source>
        <translation>حدود المقطع المعتمد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="216"/>
        <source>&amp;Undo</source>
        <translation>&amp;تراجع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="218"/>
        <source>Re&amp;do</source>
        <translation>&amp;إعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="222"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="224"/>
        <source>&amp;Panels</source>
        <translation>&amp;اللوحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="229"/>
        <source>Hide or show the side &amp;panels</source>
        <translation>إخفاء ال&amp;لوحات الجانبية أو إظهارها</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="337"/>
        <source>accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="369"/>
        <source>reject</source>
        <translation>رفض</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="393"/>
        <source>proposed by %1 · agreed by %2 · curated by %3 (%4)</source>
        <translation>اقترحه %1 · وافقه %2 · حكّمه %3 (%4)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="415"/>
        <source>curation status</source>
        <translation>حالة التحكيم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="457"/>
        <source>Not saved: %1</source>
        <translation>لم يُحفظ: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="462"/>
        <source>Not saved: %1 (the server cannot be reached; trying again by itself)</source>
        <translation>لم يُحفظ: %1 (لا يمكن الوصول إلى الخادم؛ تُعاد المحاولة تلقائيًا)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="467"/>
        <source>The server cannot be reached; decisions cannot be saved until it answers: %1</source>
        <translation>لا يمكن الوصول إلى الخادم؛ لا تُحفظ القرارات حتى يجيب: %1</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/review/window.py" line="472"/>
        <source>Connected to the server again</source>
        <translation>عاد الاتصال بالخادم</translation>
    </message>
</context>
<context>
    <name>SchemaEditor</name>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="87"/>
        <source>Schema</source>
        <translation>المخطط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="92"/>
        <source>Name</source>
        <translation>الاسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="93"/>
        <source>Kind</source>
        <translation>النوع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="94"/>
        <source>Colour</source>
        <translation>اللون</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="95"/>
        <source>Shortcut</source>
        <translation>الاختصار</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="96"/>
        <source>Attributes</source>
        <translation>السمات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="97"/>
        <source>Description</source>
        <translation>الوصف</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="104"/>
        <source>Add label</source>
        <translation>أضف وسمًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="106"/>
        <source>Remove label</source>
        <translation>أزل الوسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="178"/>
        <source>label %1 has no name</source>
        <translation>الوسم %1 بلا اسم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/schema_editor.py" line="182"/>
        <source>label %1: %2 is not a colour</source>
        <translation>الوسم %1: ‏%2 ليس لونًا</translation>
    </message>
</context>
<context>
    <name>SearchBar</name>
    <message>
        <location filename="../../annotator/ui/searchbar.py" line="66"/>
        <source>Enter finds one letter</source>
        <translation>اضغط Enter للبحث عن حرف واحد</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/searchbar.py" line="26"/>
        <source>Find (ignores diacritics and letter variants)</source>
        <translation>بحث (يتجاهل التشكيل وصور الحروف)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/searchbar.py" line="32"/>
        <source>Previous match</source>
        <translation>النتيجة السابقة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/searchbar.py" line="33"/>
        <source>Next match</source>
        <translation>النتيجة التالية</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <location filename="../../annotator/ui/server_dialog.py" line="57"/>
        <source>Open a project on a server</source>
        <translation>فتح مشروع على خادم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/server_dialog.py" line="65"/>
        <source>empty: from .pgpass, PGPASSWORD or a service file</source>
        <translation>فارغة: من ‎.pgpass‎ أو PGPASSWORD أو ملف خدمة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/server_dialog.py" line="76"/>
        <source>&amp;URL:</source>
        <translation>ال&amp;عنوان:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/server_dialog.py" line="77"/>
        <source>&amp;Password:</source>
        <translation>&amp;كلمة المرور:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/server_dialog.py" line="100"/>
        <source>%1: not a server URL (postgresql://…)</source>
        <translation>%1: ليس عنوان خادم (postgresql://…)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/server_dialog.py" line="102"/>
        <source>Connecting…</source>
        <translation>جارٍ الاتصال…</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../annotator/ui/session.py" line="327"/>
        <source>This change can no longer be undone or redone (%1): another program has changed the project. The undo history is cleared.</source>
        <translation>لم يعد ممكنًا التراجع عن هذا التغيير أو إعادته (%1): فقد غيّر برنامج آخر المشروع. وقد مُحي سجل التراجع.</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/session.py" line="127"/>
        <source>Nothing to tag: the selection holds only spaces or punctuation</source>
        <translation>لا شيء يُوسَم: ليس في التحديد إلا مسافات أو علامات ترقيم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/session.py" line="229"/>
        <source>mark done</source>
        <translation>تعليم المقال منجزًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/session.py" line="229"/>
        <source>mark not done</source>
        <translation>إلغاء تعليم المقال منجزًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/session.py" line="321"/>
        <source>undo or redo</source>
        <translation>التراجع أو الإعادة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/session.py" line="451"/>
        <source>Click the speaker or source; Esc cancels</source>
        <translation>انقر المتحدث أو المصدر؛ Esc للإلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/session.py" line="471"/>
        <source>No relation type links these two kinds of span</source>
        <translation>لا نوع علاقة يربط هذين النوعين من المقاطع</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/session.py" line="438"/>
        <source>Select a quote or a claim first, then link it</source>
        <translation>حدّد اقتباسًا أو ادعاءً أولًا، ثم اربطه</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/session.py" line="442"/>
        <source>An entity is linked to, not from: select the quote or claim, press Ctrl+L, then click this entity</source>
        <translation>الكيان يُربط إليه لا منه: حدّد الاقتباس أو الادعاء، واضغط Ctrl+L، ثم انقر هذا الكيان</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="25"/>
        <source>Settings</source>
        <translation>الإعدادات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="28"/>
        <source>System</source>
        <translation>لغة النظام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="33"/>
        <source>Follow the system</source>
        <translation>اتبع النظام</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="34"/>
        <source>Light</source>
        <translation>فاتح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="35"/>
        <source>Dark</source>
        <translation>داكن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="45"/>
        <source>Annotator name</source>
        <translation>اسم الموسِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="46"/>
        <source>Interface language</source>
        <translation>لغة الواجهة</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="47"/>
        <source>Colour theme</source>
        <translation>نمط الألوان</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="54"/>
        <source>A new name takes effect at the next start</source>
        <translation>يسري الاسم الجديد في التشغيل التالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="50"/>
        <source> new spans</source>
        <translation> مقطعًا جديدًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="51"/>
        <source>only when asked</source>
        <translation>عند الطلب فقط</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/settings_dialog.py" line="53"/>
        <source>Retrain suggestions after</source>
        <translation>إعادة تدريب الاقتراحات بعد</translation>
    </message>
</context>
<context>
    <name>SpanEdges</name>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="60"/>
        <source>Start edge right</source>
        <translation>البداية يمينًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="61"/>
        <source>Start edge left</source>
        <translation>البداية يسارًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="62"/>
        <source>End edge right</source>
        <translation>النهاية يمينًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/shortcuts.py" line="63"/>
        <source>End edge left</source>
        <translation>النهاية يسارًا</translation>
    </message>
</context>
<context>
    <name>StatsView</name>
    <message>
        <location filename="../../annotator/ui/stats_view.py" line="203"/>
        <source>annotations</source>
        <translation>التوسيمات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/stats_view.py" line="206"/>
        <source>Labels per annotator</source>
        <translation>الوسوم لكل موسِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/stats_view.py" line="212"/>
        <source>Documents per annotator</source>
        <translation>المستندات لكل موسِّم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/stats_view.py" line="222"/>
        <source>Annotations per day</source>
        <translation>التوسيمات في كل يوم</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/stats_view.py" line="228"/>
        <source>Labels per document</source>
        <translation>الوسوم في كل مستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/stats_view.py" line="244"/>
        <source>Statistics — %1</source>
        <translation>الإحصاءات — %1</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../annotator/ui/doclist.py" line="48"/>
        <source>not started</source>
        <translation>لم يبدأ</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/doclist.py" line="49"/>
        <source>in progress</source>
        <translation>قيد العمل</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/doclist.py" line="50"/>
        <source>done</source>
        <translation>منجز</translation>
    </message>
</context>
<context>
    <name>SuggestionsMenu</name>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="252"/>
        <source>S&amp;uggestions</source>
        <translation>ا&amp;قتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="254"/>
        <source>&amp;Train now</source>
        <translation>&amp;درّب الآن</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="256"/>
        <source>&amp;Show suggestions</source>
        <translation>&amp;أظهر الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="262"/>
        <source>&amp;Accept suggestion</source>
        <translation>ا&amp;قبل الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="263"/>
        <source>&amp;Reject suggestion</source>
        <translation>ا&amp;رفض الاقتراح</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="265"/>
        <source>Accept &amp;all in this document</source>
        <translation>اقبل ال&amp;كل في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="269"/>
        <source>&amp;Next suggestion</source>
        <translation>الاقتراح ال&amp;تالي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="271"/>
        <source>&amp;Previous suggestion</source>
        <translation>الاقتراح ال&amp;سابق</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="280"/>
        <source>&amp;Order documents by the model&apos;s uncertainty</source>
        <translation>&amp;رتّب المستندات بحسب تردد النموذج</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="309"/>
        <source>Learning from the project&apos;s spans…</source>
        <translation>يتعلّم من مقاطع المشروع…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="328"/>
        <source>Measuring the documents to order them…</source>
        <translation>يقيس المستندات ليرتّبها…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="222"/>
        <source>Suggestions&apos; training</source>
        <translation>تدريب الاقتراحات</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="599"/>
        <source>Suggestions are hidden: Suggestions › Show suggestions shows them</source>
        <translation>الاقتراحات مخفية: يُظهرها «اقتراحات ← أظهر الاقتراحات»</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="545"/>
        <source>Accepted “%1” as %2</source>
        <translation>قُبل «%1» بوسم %2</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="559"/>
        <source>Rejected “%1” as %2: not proposed again, in any document (Ctrl+Z undoes)</source>
        <translation>رُفض «%1» بوسم %2: لن يُقترح ثانيةً في أي مستند (يتراجع عنه Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="434"/>
        <source>Suggested %1 (%2% sure): Return accepts, Shift+Return rejects</source>
        <translation>اقتراح %1 (بيقين %2٪): يقبله Return ويرفضه Shift+Return</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="305"/>
        <source>Learning already: learning again once that ends</source>
        <translation>التعلّم جارٍ: سيتعلّم من جديد حين ينتهي</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="619"/>
        <source>The documents are ordered once the model has measured them</source>
        <translation>تُرتَّب المستندات حين ينتهي النموذج من قياسها</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/suggestions.py" line="507"/>
        <source>Suggestions ready: %n in this document</source>
        <translation>
            <numerusform>الاقتراحات جاهزة: %n في هذا المستند</numerusform>
            <numerusform>الاقتراحات جاهزة: %n في هذا المستند</numerusform>
            <numerusform>الاقتراحات جاهزة: %n في هذا المستند</numerusform>
            <numerusform>الاقتراحات جاهزة: %n في هذا المستند</numerusform>
            <numerusform>الاقتراحات جاهزة: %n في هذا المستند</numerusform>
            <numerusform>الاقتراحات جاهزة: %n في هذا المستند</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="527"/>
        <location filename="../../annotator/ui/suggestions.py" line="565"/>
        <source>No suggestions in this document</source>
        <translation>لا اقتراحات في هذا المستند</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="541"/>
        <location filename="../../annotator/ui/suggestions.py" line="554"/>
        <source>No suggestion at or after the caret</source>
        <translation>لا اقتراح عند المؤشر ولا بعده</translation>
    </message>
    <message numerus="yes">
        <location filename="../../annotator/ui/suggestions.py" line="570"/>
        <source>%n suggestion(s) accepted</source>
        <translation>
            <numerusform>قُبل %n اقتراح</numerusform>
            <numerusform>قُبل %n اقتراح</numerusform>
            <numerusform>قُبل %n اقتراح</numerusform>
            <numerusform>قُبل %n اقتراح</numerusform>
            <numerusform>قُبل %n اقتراح</numerusform>
            <numerusform>قُبل %n اقتراح</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="617"/>
        <source>Train the suggestions first</source>
        <translation>درّب الاقتراحات أولًا</translation>
    </message>
</context>
<context>
    <name>TrainJob</name>
    <message>
        <location filename="../../annotator/ui/suggestions.py" line="120"/>
        <source>training failed</source>
        <translation>فشل التدريب</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../annotator/ui/app.py" line="47"/>
        <source>Who is annotating?</source>
        <translation>من يوسم؟</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/app.py" line="48"/>
        <source>Your name, as it will be stored with your spans:</source>
        <translation>اسمك كما سيُحفظ مع مقاطعك:</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/app.py" line="65"/>
        <source>Open a project</source>
        <translation>افتح مشروعًا</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/app.py" line="67"/>
        <source>Annotator projects (*%1)</source>
        <translation>مشاريع annotator (*%1)</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <location filename="../../annotator/ui/importing.py" line="85"/>
        <source>Every format, by extension (%1)</source>
        <translation>كل الصيغ، حسب امتداد الملف (%1)</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/importing.py" line="109"/>
        <source>Importing…</source>
        <translation>جارٍ الاستيراد…</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/importing.py" line="110"/>
        <source>Cancel</source>
        <translation>إلغاء</translation>
    </message>
    <message>
        <location filename="../../annotator/ui/importing.py" line="115"/>
        <source>Importing</source>
        <translation>الاستيراد</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>Importing…</source>
        <translation type="vanished">جارٍ الاستيراد…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="vanished">إلغاء</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation type="vanished">الاستيراد</translation>
    </message>
</context>
<context>
    <name>waiting</name>
    <message>
        <location filename="../../annotator/ui/waiting.py" line="169"/>
        <source>Waiting for the server…</source>
        <translation>بانتظار الخادم…</translation>
    </message>
</context>
</TS>
