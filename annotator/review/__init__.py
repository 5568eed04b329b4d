"""Reviewing colleagues' work: merge it, measure agreement, adjudicate a gold version.

Qt-free; the window and the command line call the same functions:

- ``merge.merge(project, path, as_name)`` brings in a colleague's project or JSONL file.
- ``study.load_study(project, annotators, labels)`` then ``agreement.agreement(study)``
  gives an ``AgreementReport`` (``to_json()``, ``documents_by_agreement()``);
  ``report_html.render_html(report)`` the standalone page.
- ``units.review_units(project, document_id)``: the places to review with their state;
  ``gold.accept`` / ``gold.add_gold`` and ``project.gold.reject`` / ``.edit`` record a
  curator's decisions, ``project.gold.set_curation_status`` a document's curation.
- ``adjudicate.adjudicate(project, parse_strategy("majority"))`` pre-merges into gold.
"""
