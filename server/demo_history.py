"""A year of synthetic history for the demo (issue 15), so the dashboard and the
annual review show something real on first start.

Three made-up practitioners in the demo manager's team lead thirty made-up
families. Over the twelve months before now each circle met about once a
quarter: the family were asked for their views (in good time more often as the
year went on), some shared words, the plan quoted some of them, family members
answered "How was it for you?" and the worker reflected on the same questions.
Early in the year the families felt worked WITH less often than the workers
thought; that gap narrows. A few disagreements (two taken to the manager) and a
few calls for help complete it.

Everything is written with bulk inserts, once: if the first synthetic worker
exists, nothing is added. The lead practitioner and the school worker of the
demo circle are on none of these circles, so none of it reaches them."""

from __future__ import annotations

import random
import secrets
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tortoise.models import Model
from tortoise.transactions import in_transaction

from server.auth.secrets import hash_secret
from server.checkins.models import CheckIn, Reflection
from server.checkins.questions import CHALLENGE, SUPPORT, Question, Window, window
from server.circles.models import AgeBand, Circle, FamilyMember, FamilyRole, TeamMember
from server.contributions.models import Audience, Contribution, ContributionKind
from server.family.models import UrgentRequest
from server.meetings.models import Meeting, MeetingKind, ViewRequest
from server.organisations.models import Agency, Practitioner
from server.plans.models import (
    ActionStatus,
    Answer,
    Plan,
    PlanAnswer,
    PlanItem,
    PlanSection,
    PlanVersion,
)
from server.plans.service import snapshot_of

#: The synthetic practitioners (the first one marks that the history is made).
WORKERS = [
    ("dana.fletcher@demo.alongside.test", "Dana Fletcher"),
    ("owen.marsh@demo.alongside.test", "Owen Marsh"),
    ("leah.osei@demo.alongside.test", "Leah Osei"),
]
#: (family name, the family's language, the young person or child, a parent or carer)
FAMILIES = [
    ("Ahmed", "ur", "Zara", "Imran"),
    ("Kowalski", "pl", "Kacper", "Agnieszka"),
    ("Singh", "pa", "Harpreet", "Gurdeep"),
    ("Popescu", "ro", "Andrei", "Elena"),
    ("Taylor", "en", "Jade", "Lisa"),
    ("Hussain", "ur", "Bilal", "Nasreen"),
    ("Nowak", "pl", "Zuzanna", "Marek"),
    ("Murphy", "en", "Connor", "Siobhan"),
    ("Ionescu", "ro", "Ioana", "Mihai"),
    ("Kaur", "pa", "Simran", "Jaspreet"),
    ("Williams", "en", "Kai", "Donna"),
    ("Malik", "ur", "Ayesha", "Tariq"),
    ("Wojcik", "pl", "Oliwia", "Tomasz"),
    ("Brown", "en", "Tyler", "Michelle"),
    ("Dumitru", "ro", "Maria", "Florin"),
    ("Gill", "pa", "Arjun", "Manpreet"),
    ("Hughes", "en", "Ellie", "Gareth"),
    ("Begum", "ur", "Safiya", "Rukhsana"),
    ("Lewandowski", "pl", "Filip", "Katarzyna"),
    ("Clarke", "en", "Leon", "Amy"),
    ("Constantin", "ro", "Sofia", "Adrian"),
    ("Sandhu", "pa", "Navdeep", "Balvinder"),
    ("Dhillon", "pa", "Kiran", "Rajinder"),
    ("Raza", "ur", "Hamza", "Farah"),
    ("Mazur", "pl", "Antoni", "Ewa"),
    ("Zielinski", "pl", "Julia", "Piotr"),
    ("Stan", "ro", "Luca", "Gabriela"),
    ("Marin", "ro", "Ana", "Bogdan"),
    ("Bains", "pa", "Jasleen", "Kuldip"),
    ("Khan", "ur", "Yusuf", "Samina"),
]
#: A younger brother or sister, in every third family.
SIBLINGS = ["Amir", "Lena", "Ravi", "Daria", "Ruby", "Noor", "Jakub", "Alfie", "Irina", "Mehak"]
YOUNG_WORDS = {
    ContributionKind.GOING_WELL: [
        "I have a new friend in my class.",
        "I like going to the youth club on Thursdays.",
        "I got a merit for my science project.",
        "Mum and me cooked tea together on Sunday.",
    ],
    ContributionKind.WORRIED_ABOUT: [
        "I don't like it when there is shouting at home.",
        "I get scared walking home on my own.",
        "I find it hard to sleep before school.",
        "I miss seeing my dad.",
    ],
    ContributionKind.WANT_TO_HAPPEN: [
        "I want to stay at my school.",
        "I want to see my nan more often.",
        "I want someone to help me with my reading.",
        "I want my own room to do homework in.",
    ],
}
CARER_WORDS = {
    ContributionKind.GOING_WELL: [
        "The mornings are calmer since we made a routine.",
        "School have been really helpful this term.",
    ],
    ContributionKind.WORRIED_ABOUT: [
        "I am worried about money for the rent.",
        "I struggle to get the children to school on time.",
    ],
    ContributionKind.WANT_TO_HAPPEN: [
        "I would like help to find a parenting group near us.",
        "I want the housing repairs to be sorted before winter.",
    ],
}
ACTIONS = [
    "Arrange a visit to the youth club together.",
    "Ask school about extra reading support.",
    "Refer to the housing officer about repairs.",
    "Book a family session with the early help team.",
]
DAY = timedelta(days=1)


def _faces(rng: random.Random, high: bool) -> tuple[int, int]:
    """Two faces for one side of the window: high averages 2.5 or more."""
    return rng.choice([(3, 3), (3, 2), (2, 3)] if high else [(2, 2), (1, 2), (2, 1), (1, 3)])


def _answers(rng: random.Random, place: Window) -> dict[Question, int]:
    support = _faces(rng, place in (Window.WITH, Window.FOR))
    challenge = _faces(rng, place in (Window.WITH, Window.TO))
    return {
        **dict(zip(SUPPORT, support, strict=True)),
        **dict(zip(CHALLENGE, challenge, strict=True)),
    }


def _place(rng: random.Random, with_share: float) -> Window:
    if rng.random() < with_share:
        return Window.WITH
    return rng.choice([Window.TO, Window.TO, Window.FOR, Window.NOT])


@dataclass
class _History:
    """The rows to insert, model by model, in an order foreign keys allow."""

    rng: random.Random
    now: datetime
    manager: Practitioner
    rows: dict[type[Model], list[Model]] = field(default_factory=dict)
    #: Ids of the young people and children.
    young: set[Any] = field(default_factory=set)
    #: Versions published so far, by plan; disagreements taken to the manager.
    versions: Counter[Any] = field(default_factory=Counter)
    escalations: int = 0

    def add(self, row: Model) -> Any:
        self.rows.setdefault(type(row), []).append(row)
        return row

    async def save(self) -> None:
        order: tuple[type[Model], ...] = (
            Practitioner,
            Circle,
            FamilyMember,
            TeamMember,
            Plan,
            Meeting,
            ViewRequest,
            Contribution,
            PlanItem,
            PlanVersion,
            PlanAnswer,
            CheckIn,
            Reflection,
            UrgentRequest,
        )
        for model in order:
            if self.rows.get(model):
                await model.bulk_create(self.rows[model], batch_size=500)

    # --- one family --------------------------------------------------------

    def family(self, n: int, lead: Practitioner, organisation_id: Any) -> None:
        surname, language, young_name, carer_name = FAMILIES[n]
        began = self.now - timedelta(days=400 + self.rng.randint(0, 60))
        circle = self.add(
            Circle(organisation_id=organisation_id, name=f"The {surname} family", created_at=began)
        )
        young_role, young_age = self.rng.choice(
            [
                (FamilyRole.YOUNG_PERSON, AgeBand.FROM_12_TO_15),
                (FamilyRole.YOUNG_PERSON, AgeBand.FROM_16_TO_17),
                (FamilyRole.CHILD, AgeBand.FROM_8_TO_11),
            ]
        )
        people = [
            (young_name, young_role, young_age, language if n % 3 == 0 else "en"),
            (
                carer_name,
                self.rng.choice([FamilyRole.PARENT] * 3 + [FamilyRole.CARER]),
                AgeBand.ADULT,
                language,
            ),
        ]
        if n % 3 == 1:
            people.append((SIBLINGS[n // 3], FamilyRole.CHILD, AgeBand.UNDER_8, language))
        members = [
            self.add(
                FamilyMember(
                    circle_id=circle.id,
                    name=name,
                    role=role,
                    age_band=age,
                    locale=locale,
                    simple_mode=age is AgeBand.UNDER_8,
                    created_at=began,
                )
            )
            for name, role, age, locale in people
        ]
        self.young.update(m.id for m in members if not m.role.is_carer)
        self.add(
            TeamMember(circle_id=circle.id, practitioner_id=lead.id, is_lead=True, added_at=began)
        )
        plan = self.add(Plan(circle_id=circle.id, created_at=began + DAY))
        self.meetings(circle, members, lead, plan)

    def quarterly(self) -> list[datetime]:
        """A meeting time in each quarter of the twelve months before now (the
        current quarter only if it has already passed), away from the quarter's
        edges so it falls in the same quarter in any time zone nearby."""
        year, quarter = self.now.year, (self.now.month - 1) // 3
        found = []
        for back in range(4, -1, -1):
            y, q = year + (quarter - back) // 4, (quarter - back) % 4
            begins = datetime(y, 3 * q + 1, 1, tzinfo=UTC)
            ends = datetime(y + q // 3, (3 * q + 3) % 12 + 1, 1, tzinfo=UTC)
            earliest = max(begins + 10 * DAY, self.now - 364 * DAY)
            latest = min(ends - 10 * DAY, self.now - 7 * DAY)
            if earliest < latest:
                at = earliest + (latest - earliest) * self.rng.random()
                found.append(
                    at.replace(
                        hour=self.rng.choice([10, 11, 14]), minute=0, second=0, microsecond=0
                    )
                )
        return found

    def meetings(
        self, circle: Circle, members: list[FamilyMember], lead: Practitioner, plan: Plan
    ) -> None:
        items: list[PlanItem] = []
        for starts in self.quarterly():
            progress = 1 - (self.now - starts).days / 365  # 0: a year ago, 1: now
            meeting = self.add(
                Meeting(
                    circle_id=circle.id,
                    kind=self.rng.choice(list(MeetingKind)[1:4]),
                    starts_at=starts,
                    place=self.rng.choice(["Civic Centre, room 2", "At home", "At school"]),
                    created_by_id=lead.id,
                    created_at=starts - 20 * DAY,
                )
            )
            asked = self.ask(meeting, members, lead, progress)
            words = self.words(circle, meeting, asked)
            items += self.plan(plan, meeting, words, lead, progress, len(items))
            if items:
                self.publish(plan, items, lead, meeting, members)
            self.check_ins(meeting, members, lead, progress)

    def ask(
        self, meeting: Meeting, members: list[FamilyMember], lead: Practitioner, progress: float
    ) -> list[tuple[FamilyMember, datetime]]:
        """Everyone asked at least 5 days before more often as the year goes on;
        otherwise one of them asked late, or (now and then) not at all."""
        in_time = self.rng.random() < 0.35 + 0.6 * progress
        slow = None if in_time else self.rng.choice(members)
        asked = []
        for member in members:
            days = self.rng.randint(6, 14)
            if member is slow:
                if self.rng.random() < 0.2:
                    continue  # never asked
                days = self.rng.randint(1, 4)
            at = meeting.starts_at - timedelta(days=days, hours=self.rng.randint(0, 6))
            self.add(
                ViewRequest(
                    meeting_id=meeting.id,
                    member_id=member.id,
                    due_on=(meeting.starts_at - DAY).date(),
                    requested_by_id=lead.id,
                    created_at=at,
                    seen_at=at + timedelta(hours=self.rng.randint(1, 30)),
                )
            )
            asked.append((member, at))
        return asked

    def words(
        self, circle: Circle, meeting: Meeting, asked: list[tuple[FamilyMember, datetime]]
    ) -> list[Contribution]:
        shared = []
        for member, at in asked:
            if self.rng.random() > (0.7 if member.role.is_carer else 0.6):
                continue
            kind = self.rng.choice(list(YOUNG_WORDS))
            bank = CARER_WORDS if member.role.is_carer else YOUNG_WORDS
            written = min(at + timedelta(hours=self.rng.randint(2, 48)), meeting.starts_at - DAY)
            shared.append(
                self.add(
                    Contribution(
                        circle_id=circle.id,
                        author_id=member.id,
                        meeting_id=meeting.id,
                        kind=kind,
                        text=self.rng.choice(bank[kind]),
                        audience=self.rng.choice(
                            [Audience.MY_MEETING, Audience.MY_MEETING, Audience.MY_WORKER]
                        ),
                        created_at=written,
                    )
                )
            )
        return shared

    def plan(
        self,
        plan: Plan,
        meeting: Meeting,
        words: list[Contribution],
        lead: Practitioner,
        progress: float,
        position: int,
    ) -> list[PlanItem]:
        """The worker quotes some of the words the day before the meeting (young
        people's more often as the year goes on), and adds an action."""
        sections = {
            ContributionKind.GOING_WELL: PlanSection.WORKING_WELL,
            ContributionKind.WORRIED_ABOUT: PlanSection.WORRIED_ABOUT,
            ContributionKind.WANT_TO_HAPPEN: PlanSection.NEEDS_TO_HAPPEN,
        }
        added = []
        when = meeting.starts_at - DAY + timedelta(hours=2)
        for said in words:
            young = said.author_id in self.young
            if self.rng.random() < (0.25 + 0.6 * progress if young else 0.6):
                added.append(
                    PlanItem(
                        plan_id=plan.id,
                        section=sections[said.kind],
                        source_id=said.id,
                        author_id=lead.id,
                    )
                )
        if self.rng.random() < 0.7:
            added.append(
                PlanItem(
                    plan_id=plan.id,
                    section=PlanSection.ACTIONS,
                    text=self.rng.choice(ACTIONS),
                    author_id=lead.id,
                    owner_practitioner_id=lead.id,
                    due_on=(meeting.starts_at + 30 * DAY).date(),
                    status=self.rng.choice(list(ActionStatus)),
                )
            )
        for n, item in enumerate(added):
            item.position, item.created_at = position + n, when
            self.add(item)
        return added

    def publish(
        self,
        plan: Plan,
        items: list[PlanItem],
        lead: Practitioner,
        meeting: Meeting,
        members: list[FamilyMember],
    ) -> None:
        self.versions[plan.id] += 1
        number = self.versions[plan.id]
        published = meeting.starts_at + timedelta(hours=self.rng.randint(26, 72))
        self.add(
            PlanVersion(
                plan_id=plan.id,
                number=number,
                published_by_id=lead.id,
                published_at=published,
                snapshot={"items": [snapshot_of(item) for item in items]},
            )
        )
        carer = next(m for m in members if m.role.is_carer)
        item = self.rng.choice(items[-3:])
        # Only where the whole exchange is over by now.
        disagrees = self.rng.random() < 0.2 and published < self.now - 14 * DAY
        answer = PlanAnswer(
            item_id=item.id,
            member_id=carer.id,
            version_number=number,
            answer=Answer.DISAGREE
            if disagrees
            else self.rng.choice([Answer.AGREE] * 3 + [Answer.NOT_SURE]),
            comment="This is not what we agreed at the meeting." if disagrees else "",
            audience=Audience.MY_WORKER,
            created_at=published + timedelta(hours=self.rng.randint(3, 60)),
        )
        if disagrees:
            self.respond(answer, lead)
        self.add(answer)

    def respond(self, answer: PlanAnswer, lead: Practitioner) -> None:
        """The worker answers within hours or days; now and then the family takes
        it on to the manager, who answers too."""
        answer.responded_at = answer.created_at + timedelta(hours=self.rng.randint(3, 120))
        answer.responded_by_id = lead.id
        answer.response = "Thank you for telling me. Let's talk it through on my next visit."
        if self.escalations < 2 and self.rng.random() < 0.4:
            self.escalations += 1
            answer.escalated_at = answer.responded_at + 2 * DAY
            answer.escalated_by_member_id = answer.member_id
            answer.escalated_to_id = self.manager.id
            answer.manager_answer = "I have read the plan with your worker; we will change it."
            answer.manager_answered_at = answer.escalated_at + 3 * DAY
            answer.manager_answered_by_id = self.manager.id

    def check_ins(
        self, meeting: Meeting, members: list[FamilyMember], lead: Practitioner, progress: float
    ) -> None:
        """The family felt worked WITH less often than the worker thought, early on;
        the gap narrows as the year goes on."""
        for member in members:
            if self.rng.random() > 0.75:
                continue
            answers = _answers(self.rng, _place(self.rng, 0.25 + 0.45 * progress))
            self.add(
                CheckIn(
                    meeting_id=meeting.id,
                    circle_id=meeting.circle_id,
                    member_id=member.id,
                    **{q.value: face for q, face in answers.items()},
                    window=window(answers),
                    audience=self.rng.choice([Audience.JUST_ME, Audience.MY_WORKER]),
                    created_at=meeting.starts_at + timedelta(hours=self.rng.randint(2, 30)),
                )
            )
        if self.rng.random() < 0.9:
            answers = _answers(self.rng, _place(self.rng, 0.75))
            self.add(
                Reflection(
                    meeting_id=meeting.id,
                    practitioner_id=lead.id,
                    **{q.value: face for q, face in answers.items()},
                    window=window(answers),
                    created_at=meeting.starts_at + timedelta(hours=self.rng.randint(3, 48)),
                )
            )
        if self.rng.random() < 0.15:
            called = meeting.starts_at + timedelta(days=self.rng.randint(3, 40), hours=5)
            if called < self.now:
                self.add(
                    UrgentRequest(
                        member_id=members[0].id,
                        circle_id=meeting.circle_id,
                        created_at=called,
                        acknowledged_at=called + timedelta(minutes=self.rng.randint(3, 55)),
                        acknowledged_by_id=lead.id,
                    )
                )


async def add(lead: Practitioner, manager: Practitioner) -> bool:
    """Makes the history once, beside `lead` (the demo's lead practitioner) in
    `manager`'s team; returns whether it was made now."""
    if await Practitioner.exists(email=WORKERS[0][0]):
        return False
    history = _History(rng=random.Random(15), now=datetime.now(UTC), manager=manager)
    workers = [
        history.add(
            Practitioner(
                organisation_id=lead.organisation_id,
                team_id=lead.team_id,
                email=email,
                name=name,
                agency=Agency.SOCIAL_CARE,
                # Nobody signs in as them: a hash of a secret nobody keeps.
                password_hash=await hash_secret(secrets.token_urlsafe(24)),
            )
        )
        for email, name in WORKERS
    ]
    for n in range(len(FAMILIES)):
        history.family(n, workers[n % len(workers)], lead.organisation_id)
    async with in_transaction():
        await history.save()
    return True
