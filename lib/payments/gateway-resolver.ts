import type { GatewayId, PaymentGateway } from "./gateway";
import { getPaymentGateway } from "./get-payment-gateway";

/** How order code gets a gateway adapter; tests pass one pointed at a local fake provider. */
export type GatewayResolver = (id: GatewayId) => Promise<PaymentGateway>;

export const defaultGatewayResolver: GatewayResolver = (id) => getPaymentGateway(id);
