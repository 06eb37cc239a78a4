from server.i18n import N_
from server.plans.models import ActionStatus, Answer, PlanSection, Where

SECTION_LABELS = {
    PlanSection.WORKING_WELL: N_("What's working well"),
    PlanSection.WORRIED_ABOUT: N_("What we're worried about"),
    PlanSection.NEEDS_TO_HAPPEN: N_("What needs to happen"),
    PlanSection.ACTIONS: N_("Actions"),
}

STATUS_LABELS = {
    ActionStatus.NOT_STARTED: N_("Not started"),
    ActionStatus.IN_PROGRESS: N_("In progress"),
    ActionStatus.DONE: N_("Done"),
}

ANSWER_LABELS = {
    Answer.AGREE: N_("I agree"),
    Answer.NOT_SURE: N_("I'm not sure"),
    Answer.DISAGREE: N_("I disagree"),
}

WHERE_LABELS = {
    Where.WITH_WORKER: N_("With your worker"),
    Where.WITH_MANAGER: N_("With {name}, a manager"),
    Where.ANSWERED: N_("Answered"),
}
