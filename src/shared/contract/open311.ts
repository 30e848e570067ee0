import { z } from 'zod';

// Open311 GeoReport v2 (https://wiki.open311.org/GeoReport_v2): the hotline's (12345) and other case systems'
// way in. Not a mini-program action (no openid): the open311 function serves it over CloudBase's HTTP access.

const text = (max: number) => z.string().trim().max(max);
const coordinate = (min: number, max: number) => z.coerce.number().min(min).max(max);

/** POST requests.json — the spec's fields, plus `external_id` (the partner's own case id, kept and idempotent). */
export const open311CreateSchema = z.lazy(() =>
  z.object({
    api_key: text(200).min(1),
    service_code: text(64).min(1),
    description: text(1000).min(5),
    lat: coordinate(-90, 90).optional(),
    long: coordinate(-180, 180).optional(),
    address_string: text(200).optional(),
    address_id: text(64).optional(),
    external_id: text(64).min(1).optional(),
    first_name: text(20).optional(),
    last_name: text(20).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{5,20}$/)
      .optional(),
    email: text(100).optional(),
    device_id: text(100).optional(),
    account_id: text(100).optional(),
    media_url: z.url().max(500).optional(),
  }),
);
export type Open311Create = z.infer<typeof open311CreateSchema>;

const isoDate = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

/** GET requests.json: by ids (comma-delimited), or by requested date range, status and service_code. */
export const open311QuerySchema = z.lazy(() =>
  z.object({
    api_key: text(200).min(1),
    service_request_id: z
      .string()
      .trim()
      .transform((s) =>
        s
          .split(',')
          .map((id) => id.trim())
          .filter(Boolean),
      )
      .pipe(
        z
          .array(z.string().regex(/^[0-9a-f]{1,64}$/))
          .min(1)
          .max(50),
      )
      .optional(),
    service_code: text(64).optional(),
    start_date: isoDate.optional(),
    end_date: isoDate.optional(),
    status: z.enum(['open', 'closed']).optional(),
  }),
);
export type Open311Query = z.infer<typeof open311QuerySchema>;
