/**
 * The campaign workflow works from the list of channels: each channel with activities of its
 * own has its workflow step, drafted in registry order; every other channel is a module that
 * the generic step serves, so a new module needs no step of its own.
 */
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../channels/registry.js';
import { FIRST_DRAFTED, OWN_STEPS, ownStep } from '../../../channels/workflow.js';

describe('channel workflow steps', () => {
  it('has a step for each channel with activities of its own, in registry order, the infographic first', () => {
    expect(OWN_STEPS.map((s) => s.channel)).toEqual(CHANNELS.filter((c) => c.ownActivities).map((c) => c.id));
    expect(OWN_STEPS.map((s) => s.channel)).toEqual(['infographic', 'webPortal', 'pressBriefing', 'loudspeaker']);
    expect(OWN_STEPS[0]!.channel).toBe(FIRST_DRAFTED);
  });

  it('has no own step for a channel module: the generic activities serve it', () => {
    const modules = CHANNELS.filter((c) => !c.ownActivities).map((c) => c.id);
    expect(modules.length).toBeGreaterThan(0);
    expect(modules.filter((id) => ownStep(id) !== undefined)).toEqual([]);
  });
});
