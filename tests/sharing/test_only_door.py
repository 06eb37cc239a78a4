"""The sharing policy is the only door to family words: outside server/sharing/,
no module queries the rows that hold what family members write, nor reaches them
through a relation. Writing a new row (`.create`) is the author's service's job."""

from __future__ import annotations

import ast
from pathlib import Path

SERVER = Path(__file__).resolve().parents[2] / "server"
#: Models whose rows hold family words.
WORDS = {"Contribution", "PlanAnswer", "CheckIn"}
#: Relations that lead to those rows from other models.
RELATIONS = {"contributions", "plan_answers", "answers", "source", "check_ins"}
ALLOWED = {"create"}
#: Query methods whose string arguments or keywords name relations to follow.
FOLLOWS = {
    "select_related",
    "prefetch_related",
    "fetch_related",
    "values",
    "values_list",
    "filter",
    "exclude",
    "get",
    "get_or_none",
    "order_by",
    "annotate",
}


def _modules() -> list[Path]:
    return [
        path for path in SERVER.rglob("*.py") if path.parent.name not in {"sharing", "migrations"}
    ]


def _follows_relation(node: ast.AST, parent: ast.AST | None) -> bool:
    """`x.contributions.all()` or `await item.source`: a relation followed to its
    rows (an output field that happens to share the name is not)."""
    if not (isinstance(node, ast.Attribute) and node.attr in RELATIONS):
        return False
    return isinstance(parent, ast.Await) or (
        isinstance(parent, ast.Attribute) and parent.attr in FOLLOWS | {"all", "first", "count"}
    )


def _doors(tree: ast.AST) -> list[str]:
    found = []
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            if isinstance(node.value, ast.Name) and node.value.id in WORDS:
                if node.attr not in ALLOWED and not node.attr[0].isupper():
                    found.append(f"{node.value.id}.{node.attr}")
            elif _follows_relation(node, parents.get(node)):
                found.append(f".{node.attr}")
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr in FOLLOWS
        ):
            names = [
                a.value
                for a in node.args
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            names += [k.arg for k in node.keywords if k.arg]
            found += [repr(n) for n in names if n.split("__")[0] in RELATIONS]
    return found


def test_no_module_outside_the_policy_queries_family_words():
    side_doors = {
        str(path.relative_to(SERVER.parent)): doors
        for path in _modules()
        if (doors := _doors(ast.parse(path.read_text())))
    }
    assert side_doors == {}, "read family words through server/sharing/family_words.py"


def test_the_check_finds_a_side_door():
    """The check itself must fail on the kinds of query it is there to stop."""
    for code in (
        "Contribution.filter(author_id=1)",
        "PlanAnswer.get_or_none(id=1)",
        "member.contributions.all()",
        "PlanItem.filter().select_related('source')",
        "await item.source",
        "PlanItem.filter(source__text='x')",
    ):
        assert _doors(ast.parse(code)), code
    assert not _doors(ast.parse("Contribution.create(text='x')"))
