// Written by src/eval/learn-confidence.ts from the training split; do not edit by hand.
export const MISSING_CONFIDENCE: Record<string, Record<string, number>> = {
  "work_identified": {
    "1": 0.111,
    "2-3": 0.077,
    "4+": 0.25
  },
  "good_faith_statement": {
    "2-3": 0.333,
    "4+": 0.25
  },
  "signature": {
    "1": 0.25,
    "2-3": 0.364,
    "4+": 0.2
  },
  "contact_info": {
    "1": 0.2,
    "2-3": 0.125,
    "4+": 0.2
  },
  "accuracy_perjury_statement": {
    "1": 0.333,
    "2-3": 0.167,
    "4+": 0.25
  },
  "material_identified": {
    "1": 0.333,
    "4+": 0.333
  },
  "infringing_material_located": {
    "2-3": 0.333
  },
  "good_faith_mistake_statement": {
    "4+": 0.333
  },
  "consent_to_jurisdiction": {
    "4+": 0.333
  }
};
export const MISSING_THRESHOLD = 1;
