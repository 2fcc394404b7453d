import type { Messages } from "./messages.ts";

// The initiatives pages (features/initiatives). Kept apart from en.ts for its size; en.ts includes it.
export const initiativesEn = {
  description:
    "A pedal is a change to the product, the processes or the people. Log each one with its target, start, cost and owner; its page shows what it did to the needle against the rest of the business.",
  kinds: { product: "Product", process: "Process", people: "People" },
  statuses: { planned: "Planned", active: "Running", done: "Done", cancelled: "Cancelled" },
  targets: {
    all: "Whole business",
    location: "Location",
    channel: "Channel",
    segment: "Segment",
    problem: "Problem",
  },
  list: {
    new: "Log an initiative",
    export: "Download the list (CSV)",
    target: "Target",
    cost: "Cost",
    emptyTitle: "No initiatives yet",
    emptyText:
      "Log the first change you made for customers — a new delivery partner, an evening shift, retrained staff — and see later what it did to the speedometer.",
  },
  fields: {
    title: "What was done",
    titleHint: "One line, e.g. “Second cashier on evening shifts”",
    kind: "Kind of change",
    kindHint: "Product, process or people",
    status: "Status",
    startedAt: "Start date",
    startedAtHint: "The day the change took effect",
    cost: "Cost, {{currency}}",
    costHint: "What it cost, e.g. 12500 or 12 500,50; empty if nothing",
    targetKind: "Target",
    targetHint: "What it aims at; the rest of the business is the comparison group",
    lever: "Lever",
    leverHint: "What was changed, e.g. staffing, delivery partner, price",
    owner: "Owner",
    description: "Details",
    choose: "Choose…",
    nothingFound: "Nothing found",
  },
  errors: {
    required: "Fill this in",
    tooLong: "Too long",
    badDate: "Enter a date like 2025-03-21",
    badCost: "Enter an amount like 12500 or 12 500,50 (no more decimals than the currency has)",
    chooseTarget: "Choose what it aims at, or set the target to the whole business",
    server: "The server refused this value: {{message}}",
  },
  form: {
    newTitle: "Log an initiative",
    newText: "Every field can be changed later. Only the title, the kind and the start date are required.",
    editTitle: "Change the initiative",
    create: "Log it",
    save: "Save changes",
    cancel: "Cancel",
  },
  detail: { back: "All initiatives", edit: "Edit" },
  verdicts: {
    improved: "Improved",
    worsened: "Worsened",
    no_clear_change: "No clear change",
    not_enough_data: "The data cannot tell yet",
  },
  tooLittle: "Too little data",
  reasons: {
    not_started:
      "It has not started yet (start: {{start}}). Its effect can be measured after the first complete month.",
    no_complete_month_after_start:
      "No complete month has passed since the start ({{start}}) yet, so there is no “after” to compare. Come back after the next month ends.",
    unknown_target:
      "Its target ({{value}}) names nothing in this workspace, so there is no group to measure. Edit the initiative and choose the target again.",
    too_little_data:
      "The data cannot tell yet: before or after the start, in the target or in the rest of the business, there are fewer than 30 cases to go on.",
  },
  sentences: {
    improved:
      "After the start, the index for {{target}} rose by {{effect}} points more than for the rest of the business (95% interval {{lower}} to {{upper}}): the change helped.",
    worsened:
      "After the start, the index for {{target}} fell by {{effect}} points against the rest of the business (95% interval {{lower}} to {{upper}}): the change hurt.",
    no_clear_change:
      "The data cannot tell yet whether it worked: against the rest of the business the index for {{target}} moved by {{effect}} points, but the 95% interval ({{lower}} to {{upper}}) includes zero.",
    improvedAll:
      "After the start, the index of the whole business rose by {{effect}} points (95% interval {{lower}} to {{upper}}). With no comparison group, the season and the market may be part of it.",
    worsenedAll:
      "After the start, the index of the whole business fell by {{effect}} points (95% interval {{lower}} to {{upper}}). With no comparison group, the season and the market may be part of it.",
    no_clear_changeAll:
      "The data cannot tell yet: the index of the whole business moved by {{effect}} points, but the 95% interval ({{lower}} to {{upper}}) includes zero.",
  },
  effect: {
    start: "start",
    trendTitle: "The index month by month: the target and the whole business",
    trendLabel:
      "Chart: the customer-centricity index of the target and of the whole business by month, with the start marked",
    title: "What it did to the needle",
    before: "Before",
    after: "After",
    rest: "Rest of the business",
    chartLabel:
      "Chart: the customer-centricity index of the target and of the rest of the business, before and after the start",
    windows_one:
      "Started in {{start}} (that month is left out). Before: {{beforeFrom}} – {{beforeTo}}; after: {{afterFrom}} – {{afterTo}}, {{count}} complete month.",
    windows_other:
      "Started in {{start}} (that month is left out). Before: {{beforeFrom}} – {{beforeTo}}; after: {{afterFrom}} – {{afterTo}}, {{count}} complete months.",
    windowsBefore: "Started in {{start}}. Before: {{beforeFrom}} – {{beforeTo}}; after: not yet.",
    measure: "Measure",
    targetBefore: "Target, before",
    targetAfter: "Target, after",
    restBefore: "Rest, before",
    restAfter: "Rest, after",
    effect: "Effect",
    verdict: "Verdict",
    cci: "Customer-Centricity Index",
    interval: "95%: {{lower}} to {{upper}}",
    few: "too few (n = {{n}})",
    how: "Effect = (target after − target before) − (rest after − rest before), a difference-in-differences: what happened to everyone (season, prices, the market) cancels out. The index and NPS are in points; the five gauges in percentage points. A verdict is given only when the 95% interval excludes zero. Repeat purchases and recovery react with a delay of up to one purchase cycle.",
  },
} satisfies Messages;
