// A readiness timeout names why each waiting pod waits: image pulls with the image, crashes
// with the last log line, unschedulable pods with the scheduler's message.
import { describe, expect, it } from 'vitest';
import { describeWaiting, waitingContainers, type PodView } from '../../../main/addons/waiting-pods.js';

function pod(name: string, status: PodView['status']): PodView {
  return { metadata: { name, namespace: 'headlamp' }, status };
}

const waitingOn = (reason: string, image = 'ghcr.io/headlamp-k8s/headlamp:v0.30.0') => ({
  name: 'headlamp',
  image,
  imageID: '',
  ready: false,
  restartCount: 0,
  state: { waiting: { reason } },
});

describe('waitingContainers and describeWaiting', () => {
  it('names an image that cannot be pulled', () => {
    const [waiting] = waitingContainers([
      pod('headlamp-1', { phase: 'Pending', containerStatuses: [waitingOn('ImagePullBackOff')] }),
    ]);
    expect(waiting && describeWaiting(waiting)).toBe(
      'pod headlamp/headlamp-1 (headlamp): ImagePullBackOff: ghcr.io/headlamp-k8s/headlamp:v0.30.0',
    );
  });

  it('gives a crashing container its last log line', () => {
    const [waiting] = waitingContainers([
      pod('headlamp-2', { phase: 'Running', containerStatuses: [waitingOn('CrashLoopBackOff')] }),
    ]);
    expect(waiting?.crashed).toBe(true);
    expect(waiting && describeWaiting(waiting, 'panic: cannot bind :4466')).toBe(
      'pod headlamp/headlamp-2 (headlamp): CrashLoopBackOff, last log line: panic: cannot bind :4466',
    );
  });

  it('says why a pod is not scheduled', () => {
    const [waiting] = waitingContainers([
      pod('headlamp-3', {
        phase: 'Pending',
        conditions: [{ type: 'PodScheduled', status: 'False', message: '0/2 nodes are available: untolerated taint' }],
      }),
    ]);
    expect(waiting && describeWaiting(waiting)).toBe(
      'pod headlamp/headlamp-3: Unschedulable: 0/2 nodes are available: untolerated taint',
    );
  });

  it('leaves ready and finished pods out', () => {
    expect(
      waitingContainers([
        pod('ok', { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }),
        pod('job', { phase: 'Succeeded' }),
      ]),
    ).toEqual([]);
  });
});
