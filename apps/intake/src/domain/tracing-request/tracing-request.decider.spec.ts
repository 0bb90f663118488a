import { given } from '@lintas/testing/decider-spec';
import { createTracingRequestDecider, tracingRequestDecider } from './tracing-request.decider';
import {
  CANDIDATE_ID,
  closeAsFound,
  confirm,
  histories,
  historyOf,
  OTHER_CANDIDATE_ID,
  propose,
  register,
  reject,
  TRACING_REQUEST_ID,
  update,
} from './tracing-request.fixtures';
import { tracingRequestStream } from './tracing-request.stream';

describe('tracing request decider', () => {
  it('carries a request from registration through review to the relative found', () => {
    const journey = historyOf(
      register(),
      propose({ candidatePersonId: OTHER_CANDIDATE_ID }),
      reject({ candidatePersonId: OTHER_CANDIDATE_ID }),
      update(),
      propose(),
      confirm(),
      closeAsFound(),
    );
    expect(journey.map((event) => event.type)).toEqual([
      'TracingRequestRegistered',
      'MatchProposed',
      'MatchRejected',
      'TracingRequestUpdated',
      'MatchProposed',
      'MatchConfirmed',
      'TracingRequestClosedAsFound',
    ]);
    expect(given(tracingRequestDecider, journey).state).toMatchObject({ status: 'found', foundPersonId: CANDIDATE_ID });
  });

  it('takes the proposal threshold from its configuration', () => {
    const strict = createTracingRequestDecider({ proposalThreshold: 0.5 });
    given(strict, histories.registered())
      .when(propose({ probability: 0.42 }))
      .then([]);
    given(strict, histories.registered())
      .when(propose({ probability: 0.5 }))
      .then((events) => expect(events).toHaveLength(1));
  });

  it('refuses a threshold that is no probability', () => {
    expect(() => createTracingRequestDecider({ proposalThreshold: 0 })).toThrow(/proposalThreshold/);
    expect(() => createTracingRequestDecider({ proposalThreshold: 1.5 })).toThrow(/proposalThreshold/);
  });

  it('keeps one stream per request', () => {
    expect(tracingRequestStream.streamId(TRACING_REQUEST_ID)).toBe(`tracing-request-${TRACING_REQUEST_ID}`);
  });

  it('ignores events before the stream started (evolve is total)', () => {
    const [, proposed] = histories.proposed();
    expect(proposed && tracingRequestDecider.evolve(tracingRequestDecider.initialState, proposed)).toEqual({
      status: 'none',
    });
  });
});
