import { z } from "zod";

export const subscriptionIdField = z.string().regex(/^sub_[0-9A-Z]{26}$/, "invalid");

/** The portal's cancel form and action. */
export const cancelSubscriptionSchema = z.object({ subscriptionId: subscriptionIdField });
