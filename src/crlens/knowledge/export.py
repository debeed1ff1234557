"""The framework as a checklist a reviewer can print (Markdown) or fill in (Excel)."""

from __future__ import annotations

from pathlib import Path

from crlens.knowledge.loader import KnowledgeBase
from crlens.knowledge.models import PRIORITY_RU

_LABELS = {
    "en": {"title": "crlens review framework: checklist", "questions": "Guiding questions",
           "criteria": "Criteria", "priority": "priority", "norms": "Norms", "examples": "Examples",
           "ages": "age bands", "area": "Area", "id": "Criterion", "statement": "Statement",
           "status": "Status (addressed / partial / gap / n.a.)", "notes": "Reviewer's notes",
           "intro": "One line per criterion; tick it when the draft meets it. Ids are stable and match "
                    "review.json."},
    "ru": {"title": "Методика проверки crlens: контрольный перечень", "questions": "Ключевые вопросы",
           "criteria": "Критерии", "priority": "приоритет", "norms": "Нормы", "examples": "Примеры",
           "ages": "возрастные группы", "area": "Направление", "id": "Критерий", "statement": "Формулировка",
           "status": "Статус (учтено / частично / пробел / н.п.)", "notes": "Заметки эксперта",
           "intro": "Одна строка на критерий; отметьте, если проект ему соответствует. Идентификаторы "
                    "стабильны и совпадают с review.json."},
}


def _priority(priority: str, lang: str) -> str:
    return PRIORITY_RU[priority] if lang == "ru" else priority


def checklist_markdown(kb: KnowledgeBase, lang: str = "en") -> str:
    """The whole framework as a Markdown checklist, areas in framework order."""
    t = _LABELS["ru" if lang == "ru" else "en"]
    lines = [f"# {t['title']}", "", t["intro"], ""]
    for area in kb.ordered_areas():
        lines += [f"## {area.title.get(lang)} (`{area.id}`)", "", f"**{t['questions']}**", ""]
        lines += [f"- {q.get(lang)}" for q in area.questions]
        lines += ["", f"**{t['criteria']}**", ""]
        for crit in kb.criteria_of(area.id):
            norms = "; ".join(kb.norms[n].ref if lang != "ru" else kb.norms[n].ref_ru
                              for n in crit.norms if n in kb.norms)
            ages = f", {t['ages']} {', '.join(crit.age_bands)}" if crit.age_bands else ""
            lines.append(f"- [ ] **{crit.id}** {crit.statement.get(lang)} "
                         f"_({t['priority']}: {_priority(crit.priority, lang)}{ages}; {t['norms']}: {norms})_")
        lines.append("")
    return "\n".join(lines)


def checklist_xlsx(kb: KnowledgeBase, path: Path, lang: str = "en") -> Path:
    """The framework as one Excel sheet with filters, a frozen header and blank columns for the review."""
    from crlens.report.office import write_sheet

    t = _LABELS["ru" if lang == "ru" else "en"]
    header = [t["area"], t["id"], t["statement"], t["priority"], t["ages"], t["norms"], t["examples"],
              t["status"], t["notes"]]
    lines = []
    for area in kb.ordered_areas():
        for crit in kb.criteria_of(area.id):
            norms = "; ".join(kb.norms[n].ref if lang != "ru" else kb.norms[n].ref_ru
                              for n in crit.norms if n in kb.norms)
            examples = "; ".join(kb.examples[e].ref if lang != "ru" else kb.examples[e].ref_ru
                                 for e in crit.examples if e in kb.examples)
            lines.append([area.title.get(lang), crit.id, crit.statement.get(lang),
                          _priority(crit.priority, lang), ", ".join(crit.age_bands), norms, examples, "", ""])
    title = "Checklist" if lang != "ru" else "Перечень"
    return write_sheet(path, title, header, lines, (28, 22, 70, 10, 14, 40, 40, 22, 40), freeze="A2")
