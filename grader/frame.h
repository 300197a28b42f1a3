/*
 * frame.h -- the runner's channel back to the grader: framed and bounded.
 *
 * slope-run writes frames on descriptor FRAME_FD:
 *
 *   byte 0      tag (one ASCII letter, below)
 *   bytes 1..4  payload length, unsigned 32 bits, little-endian
 *   bytes 5..   payload
 *
 * and reads commands on descriptor FRAME_CMD_FD: a case number, unsigned
 * 32 bits, little-endian; 0 means "exit now".  The first command, after
 * H, is FRAME_CMD_LOAD ("load the object now") or 0: the grader starts
 * the runner while the compiler is still at work, so that its set-up
 * costs no time of its own, and tells it to load once there is an object.
 *
 * Tags, in the order the grader accepts them:
 *   F  sandbox set-up failed (payload: what and why); only before H
 *   N  the private filesystem view failed half-way (payload: why); only
 *      before H: the grader starts the runner again with --no-view
 *   H  handshake: the sandbox is in place (payload: monotonic ms, then
 *      " no view: why" when it runs without the private view); the
 *      student's object is loaded only after this frame is written, on
 *      the command FRAME_CMD_LOAD
 *   L  the object is loaded (payload: names of missing functions, by spaces)
 *   E  an error: before L "message" (the object could not be loaded), after
 *      it "k message" (case k raised a Lua error: bad argument, no memory)
 *   R  "k v,v v": case k's outputs, one comma list per compared output
 *
 * The grader reads at most a fixed number of bytes per frame and in all,
 * and after H it believes nothing it did not ask for: a frame out of order,
 * a second result for a case, a malformed or oversized frame, F or H again
 * are the submission's failure, never the grader's.
 */
#ifndef SLOPE_GRADER_FRAME_H
#define SLOPE_GRADER_FRAME_H

#define FRAME_FD 3
#define FRAME_CMD_FD 4
#define FRAME_HDR 5
#define FRAME_CMD_LOAD 0xFFFFFFFFu

/* Exit status of slope-run when its channel is gone (the student's code
 * closed or replaced descriptor 3 or 4). */
#define FRAME_EXIT_CHANNEL 124
/* Exit status of slope-run when it could not start (bad usage, no job,
 * the sandbox could not be set up): the grader's own failure. */
#define FRAME_EXIT_SETUP 125

#endif
