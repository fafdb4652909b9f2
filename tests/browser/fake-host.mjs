/*
 * fake-host.mjs — a stand-in native host for the browser tests, to make the
 * replies and failures the real program does not produce on demand.
 *
 *   FAKE_HOST_MODE=reply FAKE_HOST_REPLY=/path/reply.json node fake-host.mjs
 *
 * Modes:
 *   reply   answer every request with the JSON in FAKE_HOST_REPLY, with the
 *           request's id put in (a probe gets {readerable: false})
 *   crash   read the first request, then die without answering
 *   silent  read requests and never answer, until the browser hangs up
 *
 * Frames are the native-messaging ones: a 32-bit length in native byte
 * order (little-endian on every machine this runs on), then UTF-8 JSON.
 */
import fs from 'node:fs';

const mode = process.env.FAKE_HOST_MODE || 'reply';

function send(message) {
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    const header = Buffer.alloc(4);
    header.writeUInt32LE(body.length, 0);
    fs.writeSync(1, Buffer.concat([header, body]));
}

function answer(request) {
    if (mode === 'crash')
        process.kill(process.pid, 'SIGSEGV');
    if (mode === 'silent')
        return;
    if (request.type === 'probe') {
        send({ id: request.id, ok: true, readerable: false });
        return;
    }
    const reply = JSON.parse(fs.readFileSync(process.env.FAKE_HOST_REPLY, 'utf8'));
    send({ ...reply, id: request.id });
}

let pending = Buffer.alloc(0);
process.stdin.on('data', data => {
    pending = Buffer.concat([pending, data]);
    while (pending.length >= 4) {
        const length = pending.readUInt32LE(0);
        if (pending.length < 4 + length)
            return;
        const request = JSON.parse(pending.subarray(4, 4 + length).toString('utf8'));
        pending = pending.subarray(4 + length);
        answer(request);
    }
});
process.stdin.on('end', () => process.exit(0));
