import type { ImplementationPlan } from "../model/index.js";

/** The sample district's implementation plan: every element written out, the committee complete. */
export function samplePlan(passedAt: string, presentedAt: string, timeZone: string): ImplementationPlan {
  return {
    districtName: "Sample Unified School District",
    timeZone,
    passedAt,
    presentedAt,
    elements: {
      funding: "Title I family-engagement funds and a district match cover visit, reflection and training pay at each educator's hourly rate.",
      implementationTimeline: "Training in June, first visits from mid-July to the end of October, second visits January to April, evaluation in July.",
      schoolSelectionAndReadiness: "Schools apply; readiness is scored on a principal champion, teacher support of at least 50%, funding and processes.",
      rolesAndResponsibilities: "A district coordinator, a site lead at each school, principals as champions, and the steering committee meeting monthly.",
      administrativeProcedures: "Families are invited by cohort; visits are booked in advance through the coordinator; timesheets are submitted within two weeks.",
      trainingAndSupport: "All visiting educators complete the model's training before visiting; site leads hold reflection check-ins each month.",
      dataCollectionAndEvaluation: "Visit logs and reflections are validated against the non-negotiables; absences and reading are evaluated against similar students.",
    },
    steeringCommittee: [
      { id: "sc-01", group: "district-leader", role: "chair" },
      { id: "sc-02", group: "school-leader" },
      { id: "sc-03", group: "parent" },
      { id: "sc-04", group: "parent" },
      { id: "sc-05", group: "student" },
      { id: "sc-06", group: "educator" },
      { id: "sc-07", group: "union-leader" },
    ],
  };
}

